#include "vault/custody.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstdlib>

namespace sijill::vault {
namespace {

CustodyEntry Example() {
  CustodyEntry e;
  e.archive = "01JDARCHIVE0000000000000000";
  e.time = "2026-11-27T09:30:00Z";
  e.actor = "ليلى";  // any script, kept as is
  e.action = "source.add";
  e.objects = {{"source", "01JDSOURCE00000000000000000"}};
  e.hashes = {{"text_sha256", "bb"}, {"original_sha256", "aa"}};
  return e;
}

TEST(Custody, CanonicalBytesAreSortedCompactJson) {
  EXPECT_EQ(
      CanonicalBytes(Example()),
      "{\"action\":\"source.add\",\"actor\":\"ليلى\",\"archive\":\"01JDARCHIVE0000000000000000\","
      "\"hashes\":{\"original_sha256\":\"aa\",\"text_sha256\":\"bb\"},"
      "\"objects\":{\"source\":\"01JDSOURCE00000000000000000\"},\"time\":\"2026-11-27T09:30:"
      "00Z\"}");
}

TEST(Custody, ParseRoundTripsAndRefusesAnythingElse) {
  std::string bytes = CanonicalBytes(Example());
  auto parsed = ParseCustodyEntry(bytes);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message();
  EXPECT_EQ(*parsed, Example());
  // Same content, other spelling: not canonical, so not the leaf that was hashed.
  std::string spaced = bytes;
  spaced.insert(1, " ");
  EXPECT_EQ(ParseCustodyEntry(spaced).error().code(), base::StatusCode::kCorruption);
  EXPECT_FALSE(ParseCustodyEntry("{\"action\":1}").has_value());
  EXPECT_FALSE(ParseCustodyEntry("not json").has_value());
  std::string extra = bytes;
  extra.insert(extra.size() - 1, ",\"zzz\":\"1\"");
  EXPECT_NE(ParseCustodyEntry(extra).error().message().find("unexpected fields"),
            std::string::npos);
}

TEST(Custody, LeafHashIsSha256OfZeroByteAndEntry) {
  std::string bytes = CanonicalBytes(Example());
  std::string prefixed = std::string(1, '\0') + bytes;
  std::array<uint8_t, 32> want;
  crypto_hash_sha256(want.data(), reinterpret_cast<const unsigned char*>(prefixed.data()),
                     prefixed.size());
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, want.data(), want.size());
  EXPECT_EQ(CustodyLeafHashHex(bytes), std::string(hex));
  // RFC 9162's hash of an empty leaf, SHA-256(0x00).
  EXPECT_EQ(CustodyLeafHashHex(""),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
}

TEST(Custody, ActorComesFromTheEnvironmentOrTheLogin) {
  ::setenv("SIJILL_ACTOR", "documenter-7", 1);
  EXPECT_EQ(CurrentActor(), "documenter-7");
  ::unsetenv("SIJILL_ACTOR");
  EXPECT_FALSE(CurrentActor().empty());
}

}  // namespace
}  // namespace sijill::vault
