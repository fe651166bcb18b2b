#include <gtest/gtest.h>

#include "geo/label_placement.h"

using namespace cm;

TEST(LabelPlacement, NoTwoPlacedLabelsOverlap) {
  std::vector<LabelRequest> req;
  for (int i = 0; i < 40; ++i) req.push_back({100.0 + (i % 8) * 20, 100.0 + (i / 8) * 10, 60, 18, double(i), true});
  const auto out = placeLabels(req, {});
  int placed = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (!out[i].placed) continue;
    ++placed;
    for (size_t j = i + 1; j < out.size(); ++j)
      if (out[j].placed) EXPECT_FALSE(out[i].box.overlaps(out[j].box, 0)) << i << " vs " << j;
  }
  EXPECT_GT(placed, 3);
  EXPECT_LT(placed, 40);  // they cannot all fit
}

TEST(LabelPlacement, HighestPriorityWinsAndObstaclesAreAvoided) {
  std::vector<LabelRequest> req{{100, 100, 50, 20, 1, true}, {105, 100, 50, 20, 9, true}};
  const auto out = placeLabels(req, {LabelBox{0, 0, 10, 10}});
  ASSERT_TRUE(out[1].placed);
  EXPECT_DOUBLE_EQ(out[1].box.x0, 105 - 25);  // centred on its own anchor
  const auto blocked = placeLabels({{100, 100, 50, 20, 1, true}}, {LabelBox{0, 0, 400, 400}});
  EXPECT_FALSE(blocked[0].placed);
}

TEST(LabelPlacement, CalloutMovesALabelAwayWithALeader) {
  // Two labels on the same anchor: the second can only be placed as a callout.
  std::vector<LabelRequest> req{{200, 200, 60, 18, 2, true, true}, {200, 200, 60, 18, 1, true, true}};
  const auto out = placeLabels(req, {});
  ASSERT_TRUE(out[0].placed);
  ASSERT_TRUE(out[1].placed);
  EXPECT_FALSE(out[0].leader);
  EXPECT_TRUE(out[1].leader);
  EXPECT_FALSE(out[0].box.overlaps(out[1].box, 0));
  // Without callout permission it is dropped instead... unless one of the nearby offsets fits.
  std::vector<LabelRequest> strict{{200, 200, 60, 18, 2, true, false}, {200, 200, 60, 18, 1, true, false}};
  const auto s = placeLabels(strict, {});
  EXPECT_FALSE(s[1].leader);
}

TEST(LabelPlacement, FixedLabelsAreCentredOrDropped) {
  std::vector<LabelRequest> req{{200, 200, 60, 18, 2, true}, {200, 200, 20, 14, 1, true, false, true}};
  const auto out = placeLabels(req, {});
  ASSERT_TRUE(out[0].placed);
  EXPECT_FALSE(out[1].placed);  // its centre spot is taken; it does not wander off
  const auto alone = placeLabels({{300, 300, 20, 14, 1, true, false, true}}, {});
  ASSERT_TRUE(alone[0].placed);
  EXPECT_DOUBLE_EQ(alone[0].box.x0, 290);
}
