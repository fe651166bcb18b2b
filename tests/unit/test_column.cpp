// Column (core/column.h): owned or a view, the same reads; a change of length copies a view; a
// StringColumn adopted from views keeps a bad offset from reading outside its arena.
#include <gtest/gtest.h>

#include <memory>
#include <numeric>
#include <vector>

#include "core/string_column.h"

using namespace cm;

TEST(Column, AViewReadsLikeAnOwnedColumnAndCopiesOnlyWhenItsLengthChanges) {
  auto store = std::make_shared<std::vector<double>>(std::vector<double>{1, 2, 3, 4});
  std::shared_ptr<void> keep = store;
  Column<double> v = Column<double>::view(keep, store->data(), 3);
  const Column<double> owned{1, 2, 3};
  EXPECT_TRUE(v.viewed());
  EXPECT_EQ(v.size(), 3u);
  EXPECT_TRUE(v == owned);
  EXPECT_EQ(std::accumulate(v.begin(), v.end(), 0.0), 6.0);
  EXPECT_EQ(v.heapBytes(), 0u);
  v[1] = 20;  // in place: the store sees it
  EXPECT_EQ((*store)[1], 20);
  v.push_back(5);  // a change of length: owned from here on
  EXPECT_FALSE(v.viewed());
  EXPECT_EQ(v.vec(), (std::vector<double>{1, 20, 3, 5}));
  EXPECT_EQ((*store)[3], 4);  // the store is untouched past the view
  v[0] = 10;
  EXPECT_EQ((*store)[0], 1);
}

TEST(Column, CopiesAreOwnedAndMovesKeepTheView) {
  auto store = std::make_shared<std::vector<int>>(std::vector<int>{7, 8, 9});
  Column<int> v = Column<int>::view(store, store->data(), 3);
  Column<int> c = v;
  EXPECT_FALSE(c.viewed());
  c[0] = 70;
  EXPECT_EQ((*store)[0], 7);
  Column<int> m = std::move(v);
  EXPECT_TRUE(m.viewed());
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(m[2], 9);
  store.reset();  // the view keeps its store alive
  EXPECT_EQ(m[1], 8);
  m.assign(m.begin() + 1, m.end());  // from itself
  EXPECT_EQ(m.vec(), (std::vector<int>{8, 9}));
}

TEST(StringColumn, AdoptedViewsCheckTheirEndsAndReadBadOffsetsAsEmpty) {
  StringColumn src{"杭州", "", "Binjiang"};
  auto chars = std::make_shared<std::vector<char>>(src.chars().vec());
  auto offs = std::make_shared<std::vector<uint32_t>>(src.offsets().vec());
  StringColumn c;
  ASSERT_TRUE(c.adoptView(Column<char>::view(chars, chars->data(), chars->size()), Column<uint32_t>::view(offs, offs->data(), offs->size())));
  EXPECT_TRUE(c == src);
  EXPECT_EQ(c[0], "杭州");
  EXPECT_EQ(c[2].str(), "Binjiang");
  EXPECT_EQ(c.bytes(), 0u);
  // A middle offset gone bad (past the arena, or backwards): empty values, nothing read outside.
  (*offs)[1] = 1u << 30;
  EXPECT_EQ(c[0].size(), 0u);
  EXPECT_EQ(c[1].size(), 0u);
  EXPECT_STREQ(c[1].c_str(), "");
  (*offs)[2] = 2;
  (*offs)[1] = 5;
  EXPECT_EQ(c[1].size(), 0u);
  // Bad ends are refused.
  StringColumn d;
  (*offs)[0] = 1;
  EXPECT_FALSE(d.adoptView(Column<char>::view(chars, chars->data(), chars->size()), Column<uint32_t>::view(offs, offs->data(), offs->size())));
  (*offs)[0] = 0;
  EXPECT_FALSE(d.adoptView(Column<char>::view(chars, chars->data(), chars->size() - 1), Column<uint32_t>::view(offs, offs->data(), offs->size())));
  EXPECT_TRUE(d.empty());
}

TEST(StringColumn, AppendPutsEveryValueAfterTheOthers) {
  // The CSV loader joins its chunks' name columns so (data/projects_csv.cpp).
  StringColumn a, b{"杭州", "", "Binjiang"}, c{"x"};
  a.append(StringColumn());
  EXPECT_TRUE(a.empty());
  a.append(b);
  EXPECT_EQ(a, b);
  a.append(c);
  a.append(StringColumn());
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0], "杭州");
  EXPECT_EQ(a[1], "");
  EXPECT_EQ(a[2], "Binjiang");
  EXPECT_EQ(a[3], "x");
  StringColumn pushed;
  for (const char* v : {"杭州", "", "Binjiang", "x"}) pushed.push_back(v);
  EXPECT_EQ(a, pushed) << "the same arrays as one value at a time";
}
