#include "base/status.h"

#include <gtest/gtest.h>

namespace sijill::base {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Error(Status::InvalidArgument(std::to_string(x) + " is odd"));
  return x / 2;
}

Result<int> Quarter(int x) {
  ASSIGN_OR_RETURN(int half, Half(x));
  ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

Status Check(int x) {
  TRY(Quarter(x).has_value() ? Status::Ok() : Quarter(x).error());
  return Status::Ok();
}

TEST(Status, PropagatesThroughMacros) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.error().message(), "3 is odd");
  EXPECT_TRUE(Check(4).ok());
  EXPECT_EQ(Check(2).message(), "1 is odd");
}

TEST(Status, WithPrefixKeepsCode) {
  Status s = Status::Corruption("bad page").WithPrefix("sijill.db");
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_EQ(s.message(), "sijill.db: bad page");
  EXPECT_TRUE(Status::Ok().WithPrefix("x").ok());
}

}  // namespace
}  // namespace sijill::base
