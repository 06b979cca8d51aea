#include "core/digest.hpp"

#include <doctest/doctest.h>

TEST_CASE("sha256_hex gives the standard SHA-256 digests") {
    // FIPS 180-2 test vectors.
    CHECK(bp::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(bp::sha256_hex("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(bp::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256_hex tells apart inputs that differ in one byte") {
    CHECK(bp::sha256_hex("period,value\n2017-04,166\n") !=
          bp::sha256_hex("period,value\n2017-04,167\n"));
    CHECK(bp::sha256_hex(std::string("a\0b", 3)).size() == 64);
}
