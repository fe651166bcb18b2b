#pragma once
// Files and sizes several test files share, defined once: the test programs compile as unity
// batches (tests/CMakeLists.txt), where two files' own copies of a name would collide. A file
// takes what it uses with a using-declaration (repeatable at namespace scope).
#include <string>

namespace cm::test {

#ifdef CHAINMAP_FIXTURES
inline const std::string kFixture = std::string(CHAINMAP_FIXTURES) + "/render_projects.csv";  // the render tests' projects
#endif
#ifdef CHAINMAP_SOURCE_DIR
inline const std::string kTour = std::string(CHAINMAP_SOURCE_DIR) + "/assets/tours/hangzhou_story.json";  // the shipped tour
#endif
#ifdef CHAINMAP_TEST_DATA
inline const std::string kData = CHAINMAP_TEST_DATA;  // the real Hangzhou data folder
#endif

// The render tests' usual frame.
namespace usual_shot {
inline constexpr int W = 1200, H = 800;
inline const std::string kSize = " --size " + std::to_string(W) + "x" + std::to_string(H);
}  // namespace usual_shot

}  // namespace cm::test
