// platform/shared_library.h: a library opened at first use, its functions found by name, and a
// clear message when either fails.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/proj_api.h"
#include "platform/shared_library.h"

namespace cm {

TEST(SharedLibrary, OpensOnceAndFindsFunctionsByName) {
  auto lib = openSharedLibrary("libm.so.6", "a test");
  ASSERT_TRUE(lib) << lib.error();
  auto again = openSharedLibrary("libm.so.6", "a test");
  ASSERT_TRUE(again);
  EXPECT_EQ(*lib, *again);
  std::string missing;
  double (*cosine)(double) = nullptr;
  findSymbol(*lib, "cos", cosine, &missing);
  ASSERT_NE(cosine, nullptr);
  EXPECT_DOUBLE_EQ(cosine(0.0), 1.0);
  EXPECT_TRUE(missing.empty());
  void (*none)() = nullptr;
  findSymbol(*lib, "chainmap_no_such_function", none, &missing);
  findSymbol(*lib, "chainmap_nor_this", none, &missing);
  EXPECT_EQ(none, nullptr);
  EXPECT_EQ(missing, "chainmap_no_such_function, chainmap_nor_this");
}

TEST(SharedLibrary, AMissingLibraryIsNamedWithWhatNeedsIt) {
  auto lib = openSharedLibrary("libchainmap-no-such-library.so.7", "reading the moon");
  ASSERT_FALSE(lib);
  EXPECT_NE(lib.error().find("libchainmap-no-such-library.so.7 cannot be loaded ("), std::string::npos) << lib.error();
  EXPECT_NE(lib.error().find("reading the moon needs it"), std::string::npos) << lib.error();
}

TEST(SharedLibrary, ProjsTableIsComplete) {
  const auto& api = projApi();
  ASSERT_TRUE(api) << api.error();
  const ProjApi& p = **api;
  PJ_CONTEXT* ctx = p.proj_context_create();
  PJ* crs = p.proj_create(ctx, "EPSG:4326");  // (opens proj.db: PROJ's own data works through the table)
  ASSERT_NE(crs, nullptr);
  EXPECT_TRUE(p.proj_is_crs(crs));
  p.proj_destroy(crs);
  p.proj_context_destroy(ctx);
}

}  // namespace cm
