// Security claims that need no database (README "Tests", Security): connection strings lose their
// passwords in every spelling libpq takes; a mapping file (FILE.chainmap.json) is input from anyone
// and can make chainmap read no other file, no database and no PROJ grid or init file; a tour names
// no path at all, and what it must never carry it drops. Each refusal names the file and the value.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/tour.h"
#include "platform/data_paths.h"
#include "data/import/field_mapping.h"
#include "data/import/import_projects.h"
#include "data/gdal/table.h"
#include "data/model_loader.h"
#include "ui_support/recent_files.h"
#include "platform/secrets.h"
#include "temp_dir.h"

using namespace cm;
namespace fs = std::filesystem;

TEST(Security, PasswordsLeaveEveryConnectionStringSpelling) {
  const std::string pw = "Zq7-secret";
  struct Case {
    std::string in, out;
  };
  const std::vector<Case> cases{
      {"PG:host=h dbname=d password=" + pw, "PG:host=h dbname=d"},
      {"PG:password=" + pw + " host=h", "PG:host=h"},
      {"PG:host=h password = '" + pw + " with spaces' dbname=d", "PG:host=h dbname=d"},
      {"PG:host=h password='" + pw + "\\' q' dbname=d", "PG:host=h dbname=d"},
      {"PG:host=h password=" + pw + "\\ b dbname=d", "PG:host=h dbname=d"},  // libpq's escaped space
      {"PG:host=h PASSWORD=" + pw, "PG:host=h"},
      {"PG:host=h sslpassword=" + pw + " sslmode=require", "PG:host=h sslmode=require"},
      {"PG:host=h password='" + pw, "PG:host=h"},  // unterminated quote: the rest goes
      {"postgresql://planner:" + pw + "@db.example:5432/chainmap", "postgresql://planner@db.example:5432/chainmap"},
      {"postgres://planner:" + pw + "@db/x?sslmode=require", "postgres://planner@db/x?sslmode=require"},
      {"PG:postgresql://u:" + pw + "@h/db", "PG:postgresql://u@h/db"},
      {"postgresql://u:p@" + pw + "@h/db", "postgresql://u@h/db"},  // an '@' in the password
      {"postgresql://h/db?user=u&password=" + pw + "&sslmode=disable", "postgresql://h/db?user=u&sslmode=disable"},
      {"postgresql://h/db?pass%77ord=" + pw, "postgresql://h/db"},  // libpq decodes the parameter's name
      {"postgresql://h/db?sslpassword=" + pw, "postgresql://h/db"},
      {"POSTGRESQL://u:" + pw + "@h/db", "POSTGRESQL://u@h/db"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(withoutPassword(c.in), c.out) << c.in;
    EXPECT_EQ(withoutPassword(c.in).find(pw), std::string::npos) << c.in;
  }
  // A password typed in the window, with quotes, backslashes and spaces in it, goes whole.
  const std::string typed = "a' host=evil \\' " + pw;
  EXPECT_EQ(conninfoQuoted("a'b\\c"), "'a\\'b\\\\c'");
  EXPECT_EQ(withoutPassword("PG:host=h password=" + conninfoQuoted(typed)), "PG:host=h");
  // Inside a message, the rest of the text stays exactly as it was.
  const std::string msg = "error: postgresql://u:" + pw + "@h/db: file  not found; PG:host=h password=" + pw + " (again)";
  EXPECT_EQ(redactPasswords(msg), "error: postgresql://u@h/db: file  not found; PG:host=h  (again)");
  // Nothing else changes: paths, and words that merely contain "password".
  EXPECT_EQ(withoutPassword("/data/my_password=list.csv"), "/data/my_password=list.csv");
  EXPECT_EQ(withoutPassword("PG:host=h dbname=password_db"), "PG:host=h dbname=password_db");
}

TEST(Security, UrisAreDatabaseSourcesSoTheirPasswordNeverNamesAFile) {
  EXPECT_TRUE(isDatabaseSource("PG:dbname=x"));
  EXPECT_TRUE(isDatabaseSource("pg:dbname=x"));
  EXPECT_TRUE(isDatabaseSource("postgresql://u:pw@h/db"));
  EXPECT_TRUE(isDatabaseSource("Postgres://u:pw@h/db"));
  EXPECT_FALSE(isDatabaseSource("/data/postgresql/table.csv"));
  // A URI with a password that cannot be reached: the message names it without the password.
  auto t = readTable("postgresql://nobody:Zq7-uri-secret@127.0.0.1:1/nothing", ReadOptions{"projects"});
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().find("postgresql://nobody@127.0.0.1:1/nothing"), std::string::npos) << t.error();
  EXPECT_EQ(t.error().find("Zq7-uri-secret"), std::string::npos) << t.error();
  // Mapping and report files of a database live in the user's data folder, named by the layer
  // in letters, digits and '_' only: no layer name reaches another folder.
  for (const std::string layer : {"../../../etc/cron.d/x", "a/b\\c", "项目", "proj\"; DROP TABLE x; --"}) {
    for (const std::string& p : {mappingPathFor("PG:dbname=x password=Zq7pw", layer), reportPathFor("postgresql://u:Zq7pw@h/x", layer)}) {
      const fs::path path(p);
      EXPECT_EQ(p.rfind(fs::path(userDataDir()).parent_path().string() + "/", 0), 0u) << p;
      EXPECT_EQ(path.lexically_normal(), path) << p;
      EXPECT_EQ(p.find("Zq7pw"), std::string::npos) << p;
      for (char c : path.filename().string())
        EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-') << p;
    }
  }
}

TEST(Security, AProcessHoldingAPasswordWritesNoCoreFile) {
  // In a child, so that this process keeps its own limit.
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::unsetenv("PGPASSWORD");
    int bad = 0;
    bad |= holdsSecret({"--projects", "/data/t.csv", "--stats"}) << 0;
    bad |= !holdsSecret({"--projects", "PG:host=h password=x"}) << 1;
    bad |= !holdsSecret({"--projects", "postgresql://u:x@h/d"}) << 2;
    ::setenv("PGPASSWORD", "x", 1);
    bad |= !holdsSecret({"--stats"}) << 3;
    rlimit some{1 << 20, RLIM_INFINITY};
    (void)::setrlimit(RLIMIT_CORE, &some);  // as a shell's `ulimit -c` would leave it (may stay lower)
    bad |= !disableCoreDumps() << 4;
    rlimit now{};
    bad |= (::getrlimit(RLIMIT_CORE, &now) != 0 || now.rlim_cur != 0 || now.rlim_max != 0) << 5;
    ::_exit(bad);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "failed checks (bits): " << WEXITSTATUS(status);
}

TEST(Security, TheRecentFilesListKeepsNoPassword) {
  test::TempDir d;
  RecentFiles r;
  r.add("PG:host=h dbname=d password=Zq7-recent-a");
  r.add("postgresql://u:Zq7-recent-b@h/d?sslpassword=Zq7-recent-c");
  const std::string path = (d.path / "recent.json").string();
  ASSERT_EQ(r.save(path), "");
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("postgresql://u@h/d"), std::string::npos) << text;
  EXPECT_NE(text.find("PG:host=h dbname=d"), std::string::npos) << text;
  EXPECT_EQ(text.find("Zq7-recent"), std::string::npos) << text;
}

namespace {

// The office's five-row table copied into a fresh folder, with a mapping file beside it.
struct MappedTable {
  test::TempDir dir{"chainmap-security"};
  std::string csv = (dir.path / "five.csv").string();
  std::string mapping = csv + ".chainmap.json";
  MappedTable() { fs::copy_file(std::string(CHAINMAP_FIXTURES) + "/import/five_utf8.csv", csv); }
  static nlohmann::json good() {
    return {{"chainmap_mapping", 1},
            {"fields",
             {{"id", "项目编号"}, {"name_zh", "项目名称"}, {"ecosystem", "所属生态圈"}, {"investment_yi", "总投资(万元)"},
              {"signed_date", "签约日期"}, {"district", "所在区县"}, {"lon", "经度"}, {"lat", "纬度"}}},
            {"investment_unit", "wan"}, {"coordinates", "gcj02"}};
  }
  // Loads the table as `chainmap --projects five.csv` does; the errors joined.
  std::string load(const nlohmann::json& m, size_t* projects = nullptr) {
    std::ofstream(mapping) << m.dump();
    LoadReport report;
    LoadOptions o{CHAINMAP_TEST_DATA, csv};
    o.lang = Lang::En;  // the messages checked below are the English ones
    const Model model = loadModel(o, report);
    if (projects) *projects = model.projects.size();
    std::string all;
    for (const std::string& e : report.errors) all += e + "\n";
    return all;
  }
};

}  // namespace

TEST(Security, AMappingFileNamesNoPathNoDatabaseAndNoProjFile) {
  MappedTable t;
  size_t n = 0;
  ASSERT_EQ(t.load(MappedTable::good(), &n), "");
  ASSERT_EQ(n, 5u);
  // Keys a mapping does not have (a source, a path, a table) are never followed: the file is
  // refused, naming the first such key, and nothing is read.
  nlohmann::json extra = MappedTable::good();
  extra["source"] = "PG:host=127.0.0.1 port=1 dbname=x";
  extra["path"] = "/etc/passwd";
  extra["table"] = "../../secret.csv";
  extra["sheet"] = "/etc/shadow";
  const std::string refused = t.load(extra, &n);
  EXPECT_NE(refused.find("\"path\""), std::string::npos) << refused;
  EXPECT_EQ(refused.find("/etc/passwd"), std::string::npos) << "the value is not repeated: " << refused;
  EXPECT_EQ(n, 0u);
  // Every value that could name another file or a database: refused, the message names the
  // mapping file and the value; no projects are read from anywhere.
  struct Bad {
    const char* key;
    nlohmann::json value;
    std::string shown;
  };
  const std::vector<Bad> bad{
      {"layer", "../../../etc/passwd", "\"../../../etc/passwd\""},
      {"layer", "/etc/passwd", "\"/etc/passwd\""},
      {"layer", "..\\..\\secret", "\"..\\..\\secret\""},
      {"layer", "PG:host=127.0.0.1 port=1 dbname=x", "\"PG:host=127.0.0.1 port=1 dbname=x\""},
      {"layer", "postgresql://u@127.0.0.1:1/x", "\"postgresql://u@127.0.0.1:1/x\""},
      {"layer", "..", "\"..\""},
      {"layer", std::string("a\nb"), "\"a?b\""},
      {"epsg", "+init=/etc/passwd:x", "\"+init=/etc/passwd:x\""},
      {"epsg", "+proj=tmerc +nadgrids=../../grid.gsb", "\"+proj=tmerc +nadgrids=../../grid.gsb\""},
      {"epsg", "/etc/passwd", "\"/etc/passwd\""},
      {"epsg", "GEOGCS[\"x\",DATUM[\"y\"]]", "\"GEOGCS[\"x\",DATUM[\"y\"]]\""},
  };
  for (const Bad& b : bad) {
    nlohmann::json m = MappedTable::good();
    m[b.key] = b.value;
    if (std::string(b.key) == "epsg") m["coordinates"] = "epsg";
    const std::string err = t.load(m, &n);
    EXPECT_NE(err.find(t.mapping + ": '" + b.key + "' " + b.shown), std::string::npos) << b.shown << "\n" << err;
    EXPECT_EQ(n, 0u) << b.shown;
  }
  // The allowed forms still load.
  nlohmann::json epsg = MappedTable::good();
  epsg["coordinates"] = "epsg";
  epsg["epsg"] = "EPSG:4326";
  EXPECT_EQ(t.load(epsg, &n), "");
  // A "layer" that is not text is a message naming the file, never an exception.
  nlohmann::json typed = MappedTable::good();
  typed["layer"] = 5;
  EXPECT_NE(t.load(typed, &n).find(t.mapping + ": 'layer' must be text"), std::string::npos);
  // Nor is such a mapping ever written (the dialog's Save).
  RawTable raw;
  raw.columns = {"经度", "纬度"};
  FieldMapping fm;
  fm.coords = CoordSystem::Epsg;
  fm.epsg = "+proj=longlat +nadgrids=/tmp/x.gsb";
  const std::string saved = (t.dir.path / "saved.chainmap.json").string();
  auto ok = saveMapping(saved, fm, raw);
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().find(saved + ": not saved: the CRS \"+proj=longlat"), std::string::npos) << ok.error();
  EXPECT_FALSE(fs::exists(saved));
  EXPECT_TRUE(mappingCrsAllowed("EPSG:4549"));
  EXPECT_TRUE(mappingCrsAllowed("ESRI:102100"));
  EXPECT_FALSE(mappingCrsAllowed("EPSG:4549 +nadgrids=x"));
  EXPECT_FALSE(mappingCrsAllowed("EPSG:"));
  EXPECT_TRUE(mappingLayerAllowed("Sheet1"));
  EXPECT_TRUE(mappingLayerAllowed("项目 2024"));
}

TEST(Security, ATourNamesNoPathsAndCarriesNone) {
  // A tour has no key that names a file: keys that look like one (an image, a caption file, a
  // table) are ignored on load and never written back, so a tour cannot make the viewer read or
  // write anything. A key that one day names a file must go through pathInside (test_tour.cpp).
  const std::string text = R"({"title": {"zh": "游", "en": "Tour"},
    "image": "../../etc/passwd", "projects": "PG:host=127.0.0.1 port=1 dbname=x",
    "steps": [{"title": {"zh": "一", "en": "One"}, "text": {"zh": "文", "en": "Text"},
               "image": "/etc/shadow", "caption_file": "..\\..\\x.txt", "table": "../../projects.csv",
               "data": "/tmp", "mapping": "../../x.chainmap.json", "export": "/tmp/out.csv"}]})";
  auto t = parseTour(text, "tour.json");
  ASSERT_TRUE(t) << t.error();
  const std::string back = tourToJson(*t);
  for (const char* s : {"passwd", "shadow", "x.txt", "projects.csv", "PG:", "/tmp", "chainmap.json", "out.csv"})
    EXPECT_EQ(back.find(s), std::string::npos) << s << "\n" << back;
  // Every string a step keeps is a caption, an id from a fixed list, or a month.
  const TourStep& s = t->steps[0];
  EXPECT_TRUE(s.layers_on.empty() && s.ecosystems.empty() && s.chains.empty() && s.sector.empty() && s.park.empty() &&
              s.features.empty() && s.from.empty() && s.to.empty());
  // The gate a path in a tour must pass: climbing out, absolute, Windows-style, NUL.
  test::TempDir d;
  for (const std::string p : {"../x.png", "img/../../x.png", "/etc/passwd", "C:\\x.png", "..\\x.png", "\\\\server\\x"})
    EXPECT_FALSE(pathInside(d.path.string(), p)) << p;
  std::error_code ec;
  fs::create_directory_symlink("/etc", d.path / "out", ec);
  if (!ec) EXPECT_FALSE(pathInside(d.path.string(), "out/passwd"));
  EXPECT_TRUE(pathInside(d.path.string(), "img/a.png"));
}
