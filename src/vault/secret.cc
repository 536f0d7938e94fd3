#include "vault/secret.h"

#include <sodium.h>

#include <new>
#include <ostream>
#include <utility>

namespace sijill::vault {

void EnsureSodium() {
  // A function-local static is initialized exactly once, even with concurrent callers.
  static const bool ready = sodium_init() >= 0;
  if (!ready) __builtin_trap();
}

SecretBytes::SecretBytes(size_t size) : size_(size) {
  EnsureSodium();
  if (size == 0) return;
  data_ = static_cast<uint8_t*>(sodium_malloc(size));
  if (data_ == nullptr) throw std::bad_alloc();
  sodium_memzero(data_, size);
}

SecretBytes SecretBytes::Random(size_t size) {
  SecretBytes s(size);
  if (size > 0) randombytes_buf(s.data_, size);
  return s;
}

SecretBytes SecretBytes::CopyOf(std::span<const uint8_t> bytes) {
  SecretBytes s(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) s.data_[i] = bytes[i];
  return s;
}

SecretBytes::~SecretBytes() {
  if (data_ != nullptr) sodium_free(data_);  // zeroes before unmapping
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) sodium_free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

bool SecretBytes::Equals(const SecretBytes& other) const {
  if (size_ != other.size_) return false;
  if (size_ == 0) return true;
  return sodium_memcmp(data_, other.data_, size_) == 0;
}

void PrintTo(const SecretBytes& secret, std::ostream* os) {
  *os << "<secret: " << secret.size() << " bytes>";
}

}  // namespace sijill::vault
