// jemalloc's settings for the boardpack binary, read by jemalloc as it starts (MALLOC_CONF in
// the environment still overrides them). Pages freed are handed back to the system after one
// second unused instead of ten: a build's work comes in phases (the index, the meetings, the
// search index), each freeing what the next does not reuse, and with ten seconds the freed
// pages of one phase were still held at the next one's peak: at 50,000 papers a one-paper
// rebuild's peak falls from 226-248 MiB to 209 MiB, for CPU the same within the noise
// (bench/README.md).
// Nothing in a sanitizer or fuzzing build reads it: those keep their own allocator.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's.
const char* malloc_conf = "dirty_decay_ms:1000";
}
