// libsodium's crypto_secretstream_xchacha20poly1305_pull, with the bulk work — ChaCha20
// over the message and Poly1305 over the ciphertext — done by OpenSSL's libcrypto, whose
// AVX-512 code is about three times libsodium's on large chunks here. The stream state,
// the framing, the tag and the rekeying are libsodium's, byte for byte
// (secretstream_test.cc compares the two on the same streams). For the blob reader.
#pragma once

#include <sodium.h>

#include <cstddef>

namespace sijill::vault::internal {

// As crypto_secretstream_xchacha20poly1305_pull: decrypts `in` (inlen >= 17 bytes) into
// `m` (inlen - 17 bytes), sets `*tag`, advances `state`. Returns 0, or -1 if the chunk
// does not authenticate (then `m` is untouched and `state` unchanged).
int SecretstreamPull(crypto_secretstream_xchacha20poly1305_state* state, unsigned char* m,
                     unsigned char* tag, const unsigned char* in, size_t inlen,
                     const unsigned char* ad, size_t adlen);

}  // namespace sijill::vault::internal
