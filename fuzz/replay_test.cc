// Replays every kept fuzz input (fuzz/corpus/<target>/) through its target, so inputs
// that once crashed stay fixed. A target aborts on any violated invariant.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#define DECLARE_TARGET(name) extern "C" int FuzzOne_##name(const uint8_t*, size_t);
DECLARE_TARGET(search_query)
DECLARE_TARGET(tokenize)
DECLARE_TARGET(segment)
DECLARE_TARGET(text_reader)
DECLARE_TARGET(docx_reader)
DECLARE_TARGET(pdf_reader)
DECLARE_TARGET(edtf)
DECLARE_TARGET(date_finder)
DECLARE_TARGET(redact)
DECLARE_TARGET(csv)
DECLARE_TARGET(extract)

namespace {

using Target = int (*)(const uint8_t*, size_t);

size_t Replay(const std::string& name, Target target) {
  std::filesystem::path dir = std::filesystem::path(SIJILL_SOURCE_DIR) / "fuzz/corpus" / name;
  size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++count;
  }
  return count;
}

#define REPLAY_TEST(name) \
  TEST(FuzzReplay, name) { EXPECT_GT(Replay(#name, FuzzOne_##name), 0u); }
REPLAY_TEST(search_query)
REPLAY_TEST(tokenize)
REPLAY_TEST(segment)
REPLAY_TEST(text_reader)
REPLAY_TEST(docx_reader)
REPLAY_TEST(pdf_reader)
REPLAY_TEST(edtf)
REPLAY_TEST(date_finder)
REPLAY_TEST(redact)
REPLAY_TEST(csv)
REPLAY_TEST(extract)

}  // namespace
