// writeFileAtomically (platform/atomic_file.h): the pieces `put` is given land in order, byte for
// byte, whatever their sizes — with split_large a large one is written as two halves at once (the
// columnar cache's columns), the small ones between them at the right offsets; a failed write
// leaves nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "file_text.h"
#include "platform/atomic_file.h"
#include "temp_dir.h"

using namespace cm;
using cm::test::TempDir;
namespace fs = std::filesystem;

TEST(AtomicFile, LargeAndSmallPiecesLandInOrder) {
  TempDir dir;
  const fs::path file = dir.path / "out.bin";
  std::mt19937 rng(7);
  std::vector<std::string> pieces;
  for (size_t n : {size_t{3}, size_t{3} << 20, size_t{1}, (size_t{1} << 20) + 7, size_t{0}, size_t{12345}, size_t{9} << 20}) {
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    pieces.push_back(std::move(s));
  }
  std::string want;
  for (const std::string& p : pieces) want += p;
  for (const bool split : {false, true}) {
    auto ok = writeFileAtomically(
        file.string(),
        [&](const AtomicPut& put) {
          for (const std::string& p : pieces)
            if (!put(p.data(), p.size())) return false;
          return true;
        },
        /*durable=*/false, split);
    ASSERT_TRUE(ok) << ok.error();
    EXPECT_EQ(fs::file_size(file), want.size());
    EXPECT_TRUE(cm::test::slurp(file) == want) << "the bytes differ, split " << split;
  }
  // A writer that gives up after a large piece: the target keeps its old bytes, no temporary stays.
  auto failed = writeFileAtomically(
      file.string(), [&](const AtomicPut& put) { return put(pieces[1].data(), pieces[1].size()) && false; }, false, true);
  EXPECT_FALSE(failed);
  EXPECT_TRUE(cm::test::slurp(file) == want);
  EXPECT_EQ(cm::test::namesIn(dir.path), std::vector<std::string>{"out.bin"});
}
