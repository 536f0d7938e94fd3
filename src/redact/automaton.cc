#include "redact/automaton.h"

#include <deque>

namespace sijill::redact::internal {

void Automaton::Add(std::string_view pattern, uint32_t value) {
  patterns_.emplace_back(std::string(pattern), value);
}

void Automaton::Build() {
  // Byte classes: each byte that occurs in a pattern is its own class, all others share
  // class 0, so that a row of the table is tens of entries instead of 256.
  for (const auto& [pattern, value] : patterns_) {
    for (char c : pattern) {
      uint16_t& cls = byte_class_[static_cast<unsigned char>(c)];
      if (cls == 0) cls = static_cast<uint16_t>(classes_++);
    }
  }
  // The trie, with -1 for missing edges.
  nodes_.assign(1, Node{});
  delta_.assign(classes_, -1);
  for (const auto& [pattern, value] : patterns_) {
    int32_t state = 0;
    for (char c : pattern) {
      size_t edge =
          static_cast<size_t>(state) * classes_ + byte_class_[static_cast<unsigned char>(c)];
      if (delta_[edge] < 0) {
        delta_[edge] = static_cast<int32_t>(nodes_.size());
        nodes_.push_back(Node{0, nodes_[state].depth + 1, false});
        delta_.resize(delta_.size() + classes_, -1);
      }
      state = delta_[edge];
    }
    if (!nodes_[state].terminal) nodes_[state] = Node{value, nodes_[state].depth, true};
  }
  patterns_.clear();
  patterns_.shrink_to_fit();

  // Breadth first: failure links, completed transitions and report links.
  std::vector<int32_t> fail(nodes_.size(), 0);
  report_.assign(nodes_.size(), -1);
  report_link_.assign(nodes_.size(), -1);
  std::deque<int32_t> queue;
  for (size_t cls = 0; cls < classes_; ++cls) {
    int32_t& next = delta_[cls];
    if (next < 0) {
      next = 0;
    } else {
      queue.push_back(next);
    }
  }
  while (!queue.empty()) {
    int32_t state = queue.front();
    queue.pop_front();
    int32_t f = fail[state];
    int32_t inherited = nodes_[f].terminal ? f : report_[f];
    if (nodes_[state].terminal) {
      report_[state] = state;
      report_link_[state] = inherited;
    } else {
      report_[state] = inherited;
    }
    size_t row = static_cast<size_t>(state) * classes_;
    size_t fail_row = static_cast<size_t>(f) * classes_;
    for (size_t cls = 0; cls < classes_; ++cls) {
      int32_t& next = delta_[row + cls];
      if (next < 0) {
        next = delta_[fail_row + cls];
      } else {
        fail[next] = delta_[fail_row + cls];
        queue.push_back(next);
      }
    }
  }
}

}  // namespace sijill::redact::internal
