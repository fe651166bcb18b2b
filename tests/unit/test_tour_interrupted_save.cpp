// A tour save that dies half-way leaves the tour that was there, complete: saveTour writes through
// writeFileAtomically (temporary file beside the target, fsync, rename). A child process saves a
// large tour (≈ 50 MB) over a small one and is killed in the middle of writing it — once
// deterministically (a file-size limit: SIGXFSZ after the first megabyte) and once by SIGKILL at
// the moment its temporary file appears — and the parent then reads the target: the old tour,
// byte for byte, never a prefix of the new one. (TourFile.SavingOverAnExistingTourLeavesACompleteFile
// in test_tour.cpp covers saves that finish.)
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "file_text.h"
#include "core/tour.h"
#include "temp_dir.h"

using namespace cm;
namespace fs = std::filesystem;

using test::slurp;
using test::shellQuote;

namespace {

Tour smallTour() {
  Tour t;
  t.title = {"旧版", "The old version"};
  TourStep s;
  s.title = {"第一步", "Step one"};
  s.text = {"原来的文字。", "The text that was there."};
  s.lon = 120.15;
  s.lat = 30.28;
  s.width_km = 42;
  t.steps.push_back(s);
  return t;
}

// ≈ 50 MB of JSON: 12000 steps with speaker notes at their limit.
Tour hugeTour() {
  Tour t;
  t.title = {"新版", "The new version"};
  TourStep s;
  s.title = {"步", "Step"};
  s.text = {"文字。", "Text."};
  s.notes.zh = std::string(kTourNotesLimit, 'n');
  s.notes.en = std::string(kTourNotesLimit - 1, 'e');
  t.steps.assign(12000, s);
  return t;
}

std::vector<fs::path> temporaries(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".tmp") out.push_back(e.path());
  return out;
}

// The target after a save was killed: exactly the old tour (and it still loads as that tour).
void expectOldTourIntact(const fs::path& target, const std::string& old_bytes, const Tour& old, const std::string& what) {
  const std::string now = slurp(target);
  EXPECT_EQ(now.size(), old_bytes.size()) << what << ": the target changed size";
  EXPECT_TRUE(now == old_bytes) << what << ": the target is not the old tour any more";
  auto r = loadTour(target.string());
  ASSERT_TRUE(r) << what << ": " << r.error();
  EXPECT_TRUE(*r == old) << what;
}

}  // namespace

TEST(TourSaveInterrupted, ASaveKilledMidWriteByTheFileSizeLimitLeavesTheOldTour) {
  test::TempDir d("chainmap-tour-kill");
  const fs::path target = d.path / "story.json";
  const Tour old = smallTour();
  ASSERT_TRUE(saveTour(target.string(), old));
  const std::string old_bytes = slurp(target);
  const Tour huge = hugeTour();
  ASSERT_GT(tourToJson(huge).size(), 40u << 20);

  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // the saving process: dies with SIGXFSZ once its file passes 1 MB
    struct rlimit core{0, 0}, size{1 << 20, 1 << 20};
    ::setrlimit(RLIMIT_CORE, &core);
    ::setrlimit(RLIMIT_FSIZE, &size);
    ::signal(SIGXFSZ, SIG_DFL);
    const auto r = saveTour(target.string(), huge);
    ::_exit(r ? 0 : 3);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the save was meant to die half-way (exit status " << WEXITSTATUS(status) << ")";
  EXPECT_EQ(WTERMSIG(status), SIGXFSZ);
  // What it had written went into its temporary file, not the tour.
  const auto tmp = temporaries(d.path);
  ASSERT_EQ(tmp.size(), 1u) << "the killed save's temporary file";
  EXPECT_EQ(fs::file_size(tmp[0]), 1u << 20) << "it died after its first megabyte";
  expectOldTourIntact(target, old_bytes, old, "after SIGXFSZ");

  // The next save still works and replaces it whole.
  Tour next = old;
  next.title.en = "Saved again";
  ASSERT_TRUE(saveTour(target.string(), next));
  auto r = loadTour(target.string());
  ASSERT_TRUE(r) << r.error();
  EXPECT_TRUE(*r == next);
}

TEST(TourSaveInterrupted, ASaveKilledWhileItsTemporaryFileIsBeingWrittenLeavesTheOldTour) {
  test::TempDir d("chainmap-tour-kill");
  const fs::path target = d.path / "story.json";
  const Tour old = smallTour();
  ASSERT_TRUE(saveTour(target.string(), old));
  const std::string old_bytes = slurp(target);
  const Tour huge = hugeTour();

  // SIGKILL the moment the child's temporary file exists: before the rename, the tour must be the
  // old one. (Should the rename win the race, the tour is the whole new one; try again.)
  bool killed_mid_write = false;
  for (int attempt = 0; attempt < 5 && !killed_mid_write; ++attempt) {
    for (const fs::path& t : temporaries(d.path)) fs::remove(t);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      struct rlimit core{0, 0};
      ::setrlimit(RLIMIT_CORE, &core);
      const auto r = saveTour(target.string(), huge);
      ::_exit(r ? 0 : 3);
    }
    const auto t0 = std::chrono::steady_clock::now();
    bool seen = false, reaped = false;
    int status = 0;
    while (std::chrono::steady_clock::now() - t0 < std::chrono::seconds(60)) {
      if (!temporaries(d.path).empty()) {
        seen = true;
        ::kill(child, SIGKILL);
        break;
      }
      if (::waitpid(child, &status, WNOHANG) == child) {  // finished before we saw its file
        reaped = true;
        break;
      }
    }
    if (!seen && !reaped) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      FAIL() << "the save neither finished nor created its temporary file in 60 s";
    }
    if (!reaped) ASSERT_EQ(::waitpid(child, &status, 0), child);
    const bool died = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    const bool tmp_left = !temporaries(d.path).empty();
    if (died && tmp_left) {  // killed before the rename: the old tour, whole
      killed_mid_write = true;
      expectOldTourIntact(target, old_bytes, old, "after SIGKILL mid-write (attempt " + std::to_string(attempt + 1) + ")");
    } else {  // the rename happened first: then it is the whole new tour, never a mix
      auto r = loadTour(target.string());
      ASSERT_TRUE(r) << r.error();
      EXPECT_TRUE(*r == huge || *r == old) << "neither the old nor the new tour";
      if (*r == huge) ASSERT_TRUE(saveTour(target.string(), old));  // start over from the old one
    }
  }
  EXPECT_TRUE(killed_mid_write) << "no attempt caught the save in the middle of writing";
}
