// jemalloc's settings for the boardpack binary, read by jemalloc as it starts (MALLOC_CONF in
// the environment still overrides them). Pages freed are handed back to the system after one
// second unused instead of ten: a build's work comes in phases (the index, the meetings, the
// search index), each freeing what the next does not reuse, and with ten seconds the freed
// pages of one phase were still held at the next one's peak: at 50,000 papers a one-paper
// rebuild's peak falls from 226-248 MiB to 209 MiB, for CPU the same within the noise
// (bench/README.md).
// Arenas are one per CPU, each thread allocating from that of the CPU it runs on, rather than
// four per CPU with each thread keeping its own: what one thread frees is reused by the next
// allocation on that CPU, whichever thread makes it, instead of waiting in the freeing
// thread's arena while the other takes fresh pages from the system. A one-paper rebuild of
// 6,400 papers takes a seventh fewer page faults and about 6 % less CPU, and the first build of
// 50,000 papers peaks 8 MiB lower, for a clean build's CPU the same within the noise.
// Nothing in a sanitizer or fuzzing build reads it: those keep their own allocator.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's.
const char* malloc_conf = "dirty_decay_ms:1000,percpu_arena:percpu";
}
