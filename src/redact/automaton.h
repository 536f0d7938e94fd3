// An Aho–Corasick automaton over bytes: finds every occurrence of a fixed set of
// patterns in one pass over a text, whatever the number of patterns. Written here
// because Debian packages no C++ multi-pattern matcher (Hyperscan is x86-only and far
// larger than the 150 lines this takes), and the redactor needs every match ending at
// each position, not just the leftmost-longest, to apply its word-boundary rules.
// Internal to src/redact. A built automaton is immutable and thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sijill::redact::internal {

class Automaton {
 public:
  // Adds a pattern with a caller's `value`. A pattern added twice keeps the first value.
  // REQUIRES: Build() not called yet; `pattern` is not empty.
  void Add(std::string_view pattern, uint32_t value);

  // Computes the transition table. Call once, after the last Add.
  void Build();

  // Calls on_match(value, length, end) for every occurrence text[end - length, end) of
  // every pattern, in order of `end` (several matches ending at one place come longest
  // first).
  // REQUIRES: Build() was called.
  template <class OnMatch>
  void Scan(std::string_view text, OnMatch&& on_match) const {
    const int32_t* delta = delta_.data();
    int32_t state = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      state = delta[static_cast<size_t>(state) * classes_ +
                    byte_class_[static_cast<unsigned char>(text[i])]];
      for (int32_t s = report_[state]; s >= 0; s = report_link_[s]) {
        on_match(nodes_[s].value, nodes_[s].depth, i + 1);
      }
    }
  }

  size_t state_count() const { return nodes_.size(); }

 private:
  struct Node {
    uint32_t value = 0;
    uint32_t depth = 0;
    bool terminal = false;
  };
  std::vector<std::pair<std::string, uint32_t>> patterns_;  // until Build()
  std::array<uint16_t, 256> byte_class_{};                  // 0: bytes in no pattern
  size_t classes_ = 1;
  std::vector<Node> nodes_;
  std::vector<int32_t> delta_;  // nodes_.size() x classes_, complete (failures folded in)
  // report_[s]: s if terminal, else the nearest terminal state on s's failure chain, or
  // -1. report_link_[t] for a terminal t: the next terminal on t's failure chain, or -1.
  std::vector<int32_t> report_;
  std::vector<int32_t> report_link_;
};

}  // namespace sijill::redact::internal
