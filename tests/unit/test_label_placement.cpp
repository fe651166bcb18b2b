#include <gtest/gtest.h>

#include <cmath>

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
  // Without callout permission it stays next to its anchor (one of the near offsets) or is
  // dropped; it never moves out on a leader line.
  std::vector<LabelRequest> strict{{200, 200, 60, 18, 2, true, false}, {200, 200, 60, 18, 1, true, false}};
  const auto s = placeLabels(strict, {});
  ASSERT_TRUE(s[0].placed);
  if (s[1].placed) {
    const double cx = (s[1].box.x0 + s[1].box.x1) / 2, cy = (s[1].box.y0 + s[1].box.y1) / 2;
    EXPECT_LE(std::abs(cx - 200), 60 * 0.4 + 1e-9);
    EXPECT_LE(std::abs(cy - 200), 18 * 0.8 + 1e-9);
    EXPECT_FALSE(s[0].box.overlaps(s[1].box, 0));
  }
  // Crowd the near offsets: the callout label goes out on a leader, the strict one is dropped.
  std::vector<LabelBox> ring;
  for (double dx : {-60.0, 0.0, 60.0})
    for (double dy : {-20.0, 0.0, 20.0}) ring.push_back({200 + dx - 30, 200 + dy - 9, 200 + dx + 30, 200 + dy + 9});
  const auto crowded = placeLabels({{200, 200, 60, 18, 1, true, true}, {200, 200, 60, 18, 1, true, false}}, ring);
  EXPECT_TRUE(crowded[0].placed);
  EXPECT_TRUE(crowded[0].leader);
  EXPECT_FALSE(crowded[1].placed);
}

TEST(LabelPlacement, AcceptLimitsWhereALabelMayGo) {
  // Only boxes whose centre lies right of x = 260 are acceptable (e.g. "inside its own district"):
  // the label leaves its anchor for a callout there, and never lands left of the line.
  LabelRequest r{200, 200, 40, 16, 1, true, true};
  r.accept = [](const LabelBox& b) { return (b.x0 + b.x1) / 2 > 260; };
  const auto out = placeLabels({r}, {});
  ASSERT_TRUE(out[0].placed);
  EXPECT_TRUE(out[0].leader);
  EXPECT_GT((out[0].box.x0 + out[0].box.x1) / 2, 260);
  r.accept = [](const LabelBox&) { return false; };
  EXPECT_FALSE(placeLabels({r}, {})[0].placed);
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
