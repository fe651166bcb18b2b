// Places as 招商 office ledgers write them: districts in every administrative form (qualified,
// addresses, adcodes and town codes, old and retired names) against the real district file, places
// outside Hangzhou said as such, parks by the short forms people use (ambiguous ones picking none),
// and coordinates as text: both numbers in one cell, in any order and with any separator, and
// degrees-minutes-seconds.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "data/import/places.h"
#include "data/import/values.h"
#include "sample_model.h"

using namespace cm;
using namespace cm::test;

namespace {

class Places : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    map_ = new Model;
    map_ok_ = loadMap(*map_);
  }
  static void TearDownTestSuite() {
    delete map_;
    map_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(map_ok_); }

  static const std::vector<District>& districts() { return map_->districts; }
  static const std::vector<Park>& parks() { return map_->parks; }
  static int idx(int adcode) {
    for (size_t i = 0; i < districts().size(); ++i)
      if (districts()[i].adcode == adcode) return static_cast<int>(i);
    ADD_FAILURE() << "no district " << adcode << " in the district file";
    return -1;
  }
  static std::vector<int> idxs(std::initializer_list<int> adcodes) {
    std::vector<int> out;
    for (int a : adcodes) out.push_back(idx(a));
    return out;
  }
  static std::string parkId(const ParkMatch& m) { return m.park >= 0 ? parks()[m.park].id : std::string("-"); }
  static std::set<std::string> ids(const std::vector<int>& park_indices) {
    std::set<std::string> out;
    for (int i : park_indices) out.insert(parks()[i].id);
    return out;
  }

  static Model* map_;
  static bool map_ok_;
};
Model* Places::map_ = nullptr;
bool Places::map_ok_ = false;

struct DistrictCase {
  const char* text;
  int adcode;
  DistrictHow how;
};

// 120°09′18.7″ and 30°16′27″ (and 30°16.45′) in decimal degrees.
constexpr double kLon = 120.0 + 9.0 / 60.0 + 18.7 / 3600.0;
constexpr double kLat = 30.0 + 16.0 / 60.0 + 27.0 / 3600.0;

}  // namespace

// --- districts -----------------------------------------------------------------------------------

TEST_F(Places, DistrictInEveryAdministrativeForm) {
  const DistrictCase cases[] = {
      {"浙江省杭州市余杭区", 330110, DistrictHow::Qualified},
      {"杭州市余杭区", 330110, DistrictHow::Qualified},
      {"杭州余杭区", 330110, DistrictHow::Qualified},
      {"浙江杭州余杭", 330110, DistrictHow::Qualified},
      {"中国浙江省杭州市余杭区", 330110, DistrictHow::Qualified},
      {"杭州市-余杭区", 330110, DistrictHow::Qualified},
      {"杭州市 余杭区", 330110, DistrictHow::Qualified},
      {"余杭区", 330110, DistrictHow::Name},
      {"余杭", 330110, DistrictHow::Name},
      {" 余杭区　", 330110, DistrictHow::Name},
      {"Yuhang District", 330110, DistrictHow::Name},
      {"Yuhang", 330110, DistrictHow::Name},
      {"YUHANG", 330110, DistrictHow::Name},
      {"Yuhang Qu", 330110, DistrictHow::Name},
      {"Yuhang, Hangzhou", 330110, DistrictHow::Qualified},
      {"Yuhang District, Hangzhou, Zhejiang, China", 330110, DistrictHow::Qualified},
      {"Hangzhou Yuhang", 330110, DistrictHow::Qualified},
      {"Yuhang Dist., Hangzhou Shi", 330110, DistrictHow::Qualified},
      {"余杭区，杭州市", 330110, DistrictHow::Qualified},
      {"330110", 330110, DistrictHow::Adcode},
      {"330110.0", 330110, DistrictHow::Adcode},
      {"３３０１１０", 330110, DistrictHow::Adcode},
      {"330110000000", 330110, DistrictHow::TownCode},
      {"330110005000", 330110, DistrictHow::TownCode},
      {"330110005", 330110, DistrictHow::TownCode},
      {"330110000000.0", 330110, DistrictHow::TownCode},
      // County-level city and counties.
      {"建德市", 330182, DistrictHow::Name},
      {"建德", 330182, DistrictHow::Name},
      {"Jiande City", 330182, DistrictHow::Name},
      {"桐庐县", 330122, DistrictHow::Name},
      {"桐庐", 330122, DistrictHow::Name},
      {"Tonglu County", 330122, DistrictHow::Name},
      {"淳安县", 330127, DistrictHow::Name},
      {"Chun'an County", 330127, DistrictHow::Name},
      {"Chunan", 330127, DistrictHow::Name},
      {"浙江省杭州市淳安县", 330127, DistrictHow::Qualified},
      {"330182", 330182, DistrictHow::Adcode},
      {"桐庐市", 330122, DistrictHow::Name},  // the wrong suffix: still Tonglu
      // Other districts, so that one district's table is not all that works.
      {"Lin'an", 330112, DistrictHow::Name},
      {"临安区", 330112, DistrictHow::Name},
      {"临平", 330113, DistrictHow::Name},
      {"Linping District", 330113, DistrictHow::Name},
      {"钱塘区", 330114, DistrictHow::Name},
      {"上城区", 330102, DistrictHow::Name},
      {"拱墅", 330105, DistrictHow::Name},
      {"Binjiang", 330108, DistrictHow::Name},
      {"萧山区", 330109, DistrictHow::Name},
      {"富阳", 330111, DistrictHow::Name},
      {"330106", 330106, DistrictHow::Adcode},
  };
  for (const DistrictCase& c : cases) {
    const DistrictMatch m = matchDistrict(c.text, districts());
    ASSERT_EQ(m.candidates.size(), 1u) << c.text << ": " << districtHowId(m.how) << " " << m.how_text;
    EXPECT_EQ(m.candidates[0], idx(c.adcode)) << c.text;
    EXPECT_EQ(m.how, c.how) << c.text << ": got " << districtHowId(m.how) << " (" << m.how_text << ")";
    EXPECT_FALSE(m.retired_name) << c.text;
    EXPECT_FALSE(m.outside()) << c.text;
  }
  // The report can say how: the prefix dropped, the town code read.
  EXPECT_EQ(matchDistrict("浙江省杭州市余杭区", districts()).how_text, "prefix 浙江省杭州市 dropped");
  EXPECT_NE(matchDistrict("330110000000", districts()).how_text.find("town code"), std::string::npos);
  EXPECT_EQ(matchDistrict("浙江省杭州市余杭区", districts()).place, "浙江省杭州市余杭区");
}

TEST_F(Places, DistrictFromAddresses) {
  const DistrictCase cases[] = {
      {"杭州市西湖区转塘街道云栖小镇XX号", 330106, DistrictHow::Address},
      {"浙江省杭州市滨江区长河街道江南大道1号", 330108, DistrictHow::Address},
      {"萧山区宁围街道", 330109, DistrictHow::Address},
      {"萧山宁围街道市心北路", 330109, DistrictHow::Address},
      {"杭州市余杭区仓前街道文一西路1500号", 330110, DistrictHow::Address},
      {"建德市梅城镇", 330182, DistrictHow::Address},
      {"淳安县千岛湖镇", 330127, DistrictHow::Address},
  };
  for (const DistrictCase& c : cases) {
    const DistrictMatch m = matchDistrict(c.text, districts());
    ASSERT_EQ(m.candidates.size(), 1u) << c.text << ": " << m.how_text;
    EXPECT_EQ(m.candidates[0], idx(c.adcode)) << c.text;
    EXPECT_EQ(m.how, c.how) << c.text << ": got " << districtHowId(m.how);
    EXPECT_NE(m.how_text.find("address"), std::string::npos) << c.text << ": " << m.how_text;
  }
  EXPECT_EQ(matchDistrict("杭州市西湖区转塘街道云栖小镇XX号", districts()).place, "杭州市西湖区");
  // A bare name followed by a park's name is no address: 余杭经济技术开发区 lies in 临平区.
  EXPECT_TRUE(matchDistrict("余杭经济技术开发区", districts()).candidates.empty());
  // Not a name followed by more: 余杭市场监管局 is neither 余杭市 nor an address.
  EXPECT_NE(matchDistrict("余杭市场监管局", districts()).how, DistrictHow::OldName);
}

TEST_F(Places, OldNamesOfTodaysDistricts) {
  struct Old {
    const char* text;
    std::vector<int> adcodes;  // main successor first
  };
  const Old cases[] = {
      {"萧山市", {330109, 330114}}, {"萧山县", {330109, 330114}}, {"余杭市", {330110, 330113}},
      {"余杭县", {330110, 330113}}, {"富阳市", {330111}},          {"富阳县", {330111}},
      {"临安市", {330112}},          {"临安县", {330112}},          {"建德县", {330182}},
      {"浙江省杭州市萧山市", {330109, 330114}}, {"330181", {330109, 330114}}, {"330184", {330110, 330113}},
      {"330183", {330111}},          {"330185", {330112}},          {"330185000000", {330112}},
  };
  for (const Old& c : cases) {
    const DistrictMatch m = matchDistrict(c.text, districts());
    std::vector<int> want;
    for (int a : c.adcodes) want.push_back(idx(a));
    EXPECT_EQ(m.candidates, want) << c.text << ": " << m.how_text;
    EXPECT_EQ(m.how, DistrictHow::OldName) << c.text << ": got " << districtHowId(m.how);
    EXPECT_TRUE(m.retired_name) << c.text;
  }
  EXPECT_NE(matchDistrict("萧山市", districts()).how_text.find("old name 萧山市"), std::string::npos);
  // An old name at the start of an address.
  const DistrictMatch addr = matchDistrict("浙江省杭州市萧山市城厢镇", districts());
  EXPECT_EQ(addr.candidates, idxs({330109, 330114}));
  EXPECT_EQ(addr.how, DistrictHow::OldName);
}

TEST_F(Places, RetiredNamesAreDecidedByLocation) {
  const DistrictMatch jianggan = matchDistrict("江干区", districts());
  EXPECT_EQ(jianggan.how, DistrictHow::Retired);
  EXPECT_TRUE(jianggan.retired_name);
  EXPECT_EQ(jianggan.candidates, idxs({330102, 330114}));
  for (const char* s : {"杭州市江干区", "江干", "Jianggan District", "330104", "杭州市江干区九堡街道", "(原江干区)"})
    EXPECT_EQ(matchDistrict(s, districts()).candidates, idxs({330102, 330114})) << s;
  for (const char* s : {"下城区", "杭州市下城区", "Xiacheng", "330103"}) {
    const DistrictMatch m = matchDistrict(s, districts());
    EXPECT_EQ(m.candidates, idxs({330105})) << s;
    EXPECT_TRUE(m.retired_name) << s;
  }
  // The pre-2021 余杭区, said as such: today's 余杭区 or 临平区. Today's name alone is today's district.
  const DistrictMatch old_yuhang = matchDistrict("原余杭区", districts());
  EXPECT_EQ(old_yuhang.candidates, idxs({330110, 330113}));
  EXPECT_TRUE(old_yuhang.retired_name);
  EXPECT_EQ(matchDistrict("余杭区", districts()).candidates, idxs({330110}));
  EXPECT_EQ(matchDistrict("钱塘新区", districts()).candidates, idxs({330114}));
  // Area names people use for a district.
  for (const char* s : {"下沙", "大江东"}) {
    const DistrictMatch m = matchDistrict(s, districts());
    EXPECT_EQ(m.candidates, idxs({330114})) << s;
    EXPECT_EQ(m.how, DistrictHow::Area) << s;
  }
  // The current name wins over a parenthesised old one.
  EXPECT_EQ(matchDistrict("钱塘区(原江干区)", districts()).candidates, idxs({330114}));
}

TEST_F(Places, PlacesOutsideHangzhouNeverMatch) {
  struct Out {
    const char* text;
    const char* place;  // "" = not checked
  };
  const Out cases[] = {
      {"上海市浦东新区", "上海市浦东新区"},
      {"上海市浦东新区张江路100号", "上海市浦东新区"},
      {"宁波市", "宁波市"},
      {"浙江省宁波市北仑区", "浙江省宁波市北仑区"},
      {"绍兴市柯桥区", "绍兴市柯桥区"},
      {"湖州市德清县", "湖州市德清县"},
      {"浙江省湖州市德清县武康街道", "浙江省湖州市德清县"},
      {"德清县", "德清县"},
      {"德清", "德清"},
      {"德清经济开发区", ""},
      {"安吉县", ""},
      {"海宁", ""},
      {"桐乡市", ""},
      {"诸暨市", ""},
      {"义乌", ""},
      {"江苏省苏州市工业园区", ""},
      {"苏州工业园区", ""},
      {"南京市鼓楼区", "南京市鼓楼区"},
      {"北京市海淀区", "北京市海淀区"},
      {"广东省深圳市南山区", ""},
      {"杭州湾新区", ""},  // 宁波's, despite the name
      {"Shanghai", ""},
      {"Pudong, Shanghai", ""},
      {"Hangzhou Bay New Area", ""},
      {"Ningbo", ""},
      {"Deqing", ""},
      {"310115", ""},
      {"330521", ""},  // 德清县's adcode
      {"330521000000", ""},
  };
  for (const Out& c : cases) {
    const DistrictMatch m = matchDistrict(c.text, districts());
    EXPECT_TRUE(m.candidates.empty()) << c.text << " matched " << (m.candidates.empty() ? "" : districts()[m.candidates[0]].name_zh);
    EXPECT_TRUE(m.outside()) << c.text << ": " << districtHowId(m.how) << " " << m.how_text;
    EXPECT_NE(m.how_text.find("outside Hangzhou"), std::string::npos) << c.text << ": " << m.how_text;
    if (*c.place) {
      EXPECT_EQ(m.place, c.place) << c.text;
    }
  }
}

TEST_F(Places, DeqingIsNotYuhang) {
  // 德清 (湖州市) borders 余杭; an over-eager prefix or fuzzy match would put it there.
  for (const char* s : {"德清", "德清县", "湖州市德清县", "浙江省德清县", "德清县武康街道", "Deqing County"}) {
    const DistrictMatch m = matchDistrict(s, districts());
    EXPECT_TRUE(m.candidates.empty()) << s;
    EXPECT_TRUE(m.outside()) << s;
  }
}

TEST_F(Places, HangzhouWithoutDistrictSeveralAndUnknown) {
  for (const char* s : {"杭州市", "杭州", "Hangzhou", "浙江省杭州市", "330100", "杭州市区", "杭州市市辖区"}) {
    const DistrictMatch m = matchDistrict(s, districts());
    EXPECT_TRUE(m.candidates.empty()) << s;
    EXPECT_EQ(m.how, DistrictHow::CityOnly) << s << ": " << districtHowId(m.how);
  }
  const DistrictMatch mars_in_hz = matchDistrict("杭州市火星区", districts());
  EXPECT_EQ(mars_in_hz.how, DistrictHow::CityOnly);
  EXPECT_NE(mars_in_hz.how_text.find("火星区"), std::string::npos) << mars_in_hz.how_text;
  for (const char* s : {"", "   ", "火星区", "浙江省", "未知", "-", "123", "zzz"}) {
    const DistrictMatch m = matchDistrict(s, districts());
    EXPECT_TRUE(m.candidates.empty()) << s;
    EXPECT_EQ(m.how, DistrictHow::None) << s << ": " << districtHowId(m.how);
  }
  for (const char* s : {"西湖区、余杭区", "西湖区/余杭区", "西湖区,余杭区", "西湖区余杭区"}) {
    const DistrictMatch m = matchDistrict(s, districts());
    EXPECT_EQ(m.candidates, idxs({330106, 330110})) << s;
    EXPECT_EQ(m.how, DistrictHow::Several) << s;
  }
}

TEST_F(Places, MatcherCachesTheSameAnswers) {
  PlaceMatcher pm(districts(), parks());
  const char* texts[] = {"浙江省杭州市余杭区", "萧山市", "德清县", "330110.0", "Yuhang, Hangzhou", "杭州市西湖区转塘街道云栖小镇XX号", "", "火星区", "江干区"};
  for (int round = 0; round < 2; ++round)  // the second round answers from the cache
    for (const char* s : texts) {
      const DistrictMatch a = pm.district(s), b = matchDistrict(s, districts());
      EXPECT_EQ(a.candidates, b.candidates) << s;
      EXPECT_EQ(a.how, b.how) << s;
      EXPECT_EQ(a.how_text, b.how_text) << s;
      EXPECT_EQ(a.retired_name, b.retired_name) << s;
    }
  for (int round = 0; round < 2; ++round)
    for (const char* s : {"下沙", "高新区", "临安青山湖科技城", "", "无名园区"}) {
      const ParkMatch a = pm.park(s), b = matchParkDetail(s, parks());
      EXPECT_EQ(a.park, b.park) << s;
      EXPECT_EQ(a.ambiguous, b.ambiguous) << s;
      EXPECT_EQ(a.candidates, b.candidates) << s;
    }
}

// --- parks ---------------------------------------------------------------------------------------

TEST_F(Places, EveryParkByItsShortForms) {
  struct Case {
    const char* text;
    const char* id;
  };
  const Case cases[] = {
      {"杭州高新区", "hz_hitech_binjiang"}, {"滨江高新区", "hz_hitech_binjiang"}, {"高新区(滨江)", "hz_hitech_binjiang"},
      {"高新区（滨江）", "hz_hitech_binjiang"}, {"杭州高新区（滨江）", "hz_hitech_binjiang"},
      {"杭州高新技术产业开发区", "hz_hitech_binjiang"},
      {"下沙", "hz_etdz_xiasha"}, {"下沙经开区", "hz_etdz_xiasha"}, {"杭州经开区", "hz_etdz_xiasha"},
      {"杭州经济技术开发区", "hz_etdz_xiasha"}, {"杭州经济开发区", "hz_etdz_xiasha"},
      {"钱塘新区", "hz_qiantang_newarea"},
      {"大江东", "hz_dajiangdong"}, {"大江东产业集聚区", "hz_dajiangdong"},
      {"萧山经开区", "xs_etdz"}, {"萧山经济技术开发区", "xs_etdz"}, {"萧山开发区", "xs_etdz"},
      {"机器人小镇", "xs_robot_town"}, {"萧山机器人小镇", "xs_robot_town"},
      {"湘湖", "xs_xianghu"}, {"湘湖实验室", "xs_xianghu"}, {"湘湖国家旅游度假区", "xs_xianghu"},
      {"临空经济区", "xs_airport_zone"}, {"空港", "xs_airport_zone"}, {"杭州临空经济示范区", "xs_airport_zone"},
      {"空港经济区", "xs_airport_zone"},
      {"余杭经开区", "yh_etdz_linping"}, {"临平经开区", "yh_etdz_linping"}, {"余杭经济技术开发区", "yh_etdz_linping"},
      {"青山湖", "la_qingshanhu"}, {"青山湖科技城", "la_qingshanhu"}, {"临安经开区", "la_qingshanhu"},
      {"临安经济开发区", "la_qingshanhu"},
      {"富阳经开区", "fy_etdz"}, {"富阳经济技术开发区", "fy_etdz"},
      {"桐庐经开区", "tl_edz"}, {"桐庐经济开发区", "tl_edz"},
      {"建德经开区", "jd_edz"}, {"建德高新区", "jd_edz"}, {"建德经济开发区", "jd_edz"},
      {"千岛湖", "ca_edz_qiandaohu"}, {"淳安经开区", "ca_edz_qiandaohu"}, {"淳安经济开发区", "ca_edz_qiandaohu"},
      {"未来科技城", "yh_future_scitech"}, {"海创园", "yh_future_scitech"}, {"杭州未来科技城", "yh_future_scitech"},
      {"梦想小镇", "yh_dream_town"},
      {"紫金港", "xh_zijingang"}, {"紫金港科技城", "xh_zijingang"},
      {"云栖", "xh_yunqi"}, {"云栖小镇", "xh_yunqi"},
      {"医药港", "qt_biopharma_port"}, {"钱塘医药港", "qt_biopharma_port"}, {"杭州医药港小镇", "qt_biopharma_port"},
      // English, and ids.
      {"Xiasha", "hz_etdz_xiasha"}, {"Qiandao Lake", "ca_edz_qiandaohu"}, {"Dream Town", "yh_dream_town"},
      {"Cloud Town", "xh_yunqi"}, {"Future Sci-Tech City", "yh_future_scitech"}, {"hz_etdz_xiasha", "hz_etdz_xiasha"},
      // Prefixed with province, city or district; "XX区XX园区"; longer texts holding a short form.
      {"杭州市高新区", "hz_hitech_binjiang"}, {"浙江省杭州市未来科技城", "yh_future_scitech"},
      {"杭州市萧山区萧山经济技术开发区", "xs_etdz"}, {"萧山区经济技术开发区", "xs_etdz"},
      {"钱塘区医药港园区", "qt_biopharma_port"}, {"临平区余杭经开区", "yh_etdz_linping"},
      {"西湖区紫金港科技城", "xh_zijingang"}, {"建德市高新区", "jd_edz"}, {"余杭区梦想小镇", "yh_dream_town"},
      {"临安青山湖科技城", "la_qingshanhu"}, {"下沙医药港", "qt_biopharma_port"},
      {"未来科技城梦想小镇", "yh_dream_town"}, {"杭州市西湖区转塘街道云栖小镇XX号", "xh_yunqi"},
      {"临平区(原余杭经济技术开发区)", "yh_etdz_linping"},
  };
  std::set<std::string> covered;
  for (const Case& c : cases) {
    const ParkMatch m = matchParkDetail(c.text, parks());
    EXPECT_EQ(parkId(m), c.id) << c.text << ": " << m.how_text;
    EXPECT_FALSE(m.ambiguous) << c.text;
    EXPECT_EQ(matchPark(c.text, parks()).value_or(-1), m.park) << c.text;
    covered.insert(c.id);
  }
  // Every park in parks.csv has its short forms tested here: a new park needs its own.
  for (const Park& p : parks()) EXPECT_TRUE(covered.count(p.id)) << p.id << " (" << p.name_zh << ") has no short form tested";
}

TEST_F(Places, AmbiguousParkFormsPickNone) {
  struct Case {
    const char* text;
    std::set<std::string> could_be;
  };
  const Case cases[] = {
      {"高新区", {"hz_hitech_binjiang", "jd_edz"}},
      {"经开区", {"hz_etdz_xiasha", "xs_etdz", "yh_etdz_linping", "la_qingshanhu", "fy_etdz", "tl_edz", "jd_edz", "ca_edz_qiandaohu"}},
      {"科技城", {"la_qingshanhu", "yh_future_scitech", "xh_zijingang"}},
      {"杭州市科技城", {"la_qingshanhu", "yh_future_scitech", "xh_zijingang"}},
  };
  for (const Case& c : cases) {
    const ParkMatch m = matchParkDetail(c.text, parks());
    EXPECT_EQ(m.park, -1) << c.text << " picked " << parkId(m);
    EXPECT_TRUE(m.ambiguous) << c.text;
    EXPECT_EQ(ids(m.candidates), c.could_be) << c.text;
    EXPECT_FALSE(matchPark(c.text, parks())) << c.text;
  }
  for (const char* s : {"开发区", "经济开发区", "小镇", "园区"}) {
    const ParkMatch m = matchParkDetail(s, parks());
    EXPECT_EQ(m.park, -1) << s << " picked " << parkId(m);
  }
  // A district before the kind settles it when one park of that kind lies there.
  EXPECT_EQ(parkId(matchParkDetail("萧山区开发区", parks())), "xs_etdz");
  // Names that are not parks.
  for (const char* s : {"", "无名园区", "萧山", "滨江", "德清经济开发区", "杭州湾新区", "钱塘"})
    EXPECT_EQ(parkId(matchParkDetail(s, parks())), "-") << s;
}

// --- coordinates as text -----------------------------------------------------------------------

TEST_F(Places, CombinedCellsInEveryOrderAndSeparator) {
  const double lon = 120.1552, lat = 30.2741;
  const char* lon_first[] = {
      "120.1552,30.2741", "120.1552，30.2741", "120.1552 30.2741", "120.1552/30.2741", "120.1552;30.2741",
      "120.1552；30.2741", "120.1552、30.2741", "120.1552|30.2741", "120.1552\t30.2741", " 120.1552 , 30.2741 ",
      "(120.1552, 30.2741)", "（120.1552，30.2741）", "[120.1552,30.2741]", "POINT(120.1552 30.2741)",
      "point (120.1552 30.2741)", "SRID=4326;POINT(120.1552 30.2741)", "POINT Z (120.1552 30.2741 12)",
      "１２０．１５５２，３０．２７４１"};
  for (const char* s : lon_first) {
    const auto p = parseCoordPair(s);
    ASSERT_TRUE(p) << s;
    EXPECT_DOUBLE_EQ(p->first.degrees, lon) << s;
    EXPECT_DOUBLE_EQ(p->second.degrees, lat) << s;
    EXPECT_FALSE(p->lonLat()) << s << ": no label fixes the order";
  }
  EXPECT_TRUE(parseCoordPair("POINT(120.1552 30.2741)")->wkt);
  for (const char* s : {"30.2741,120.1552", "30.2741 120.1552", "30.2741，120.1552", "(30.2741; 120.1552)"}) {
    const auto p = parseCoordPair(s);
    ASSERT_TRUE(p) << s;
    EXPECT_DOUBLE_EQ(p->first.degrees, lat) << s;  // as written: the caller decides the order
    EXPECT_DOUBLE_EQ(p->second.degrees, lon) << s;
  }
  for (const char* s : {"", "120.1552", "120.1552,30.2741,0", "120.15-30.27", "a,b", "120.1552,,", "120 30 15 29", "POINT(120.1552)",
                        "120.1552,30.2741 abc", "N30 N40", "lat 30 lat 40"})
    EXPECT_FALSE(parseCoordPair(s)) << s;
}

TEST_F(Places, LabelsFixTheOrder) {
  struct Case {
    const char* text;
    double lon, lat;
  };
  const Case cases[] = {
      {"E120.1552 N30.2741", 120.1552, 30.2741},   {"N30.2741 E120.1552", 120.1552, 30.2741},
      {"120.1552E 30.2741N", 120.1552, 30.2741},   {"30.2741N,120.1552E", 120.1552, 30.2741},
      {"北纬30.2741 东经120.1552", 120.1552, 30.2741}, {"东经120.1552，北纬30.2741", 120.1552, 30.2741},
      {"lat 30.27 lng 120.15", 120.15, 30.27},     {"lat:30.27,lng:120.15", 120.15, 30.27},
      {"lng=120.15&lat=30.27", 120.15, 30.27},     {"{\"lng\":120.15,\"lat\":30.27}", 120.15, 30.27},
      {"纬度:30.27 经度:120.15", 120.15, 30.27},    {"x=120.15 y=30.27", 120.15, 30.27},
      {"Longitude 120.15, Latitude 30.27", 120.15, 30.27},
      {"120.1552 N30.2741", 120.1552, 30.2741},  // one label is enough
  };
  for (const Case& c : cases) {
    const auto p = parseCoordPair(c.text);
    ASSERT_TRUE(p) << c.text;
    const auto ll = p->lonLat();
    ASSERT_TRUE(ll) << c.text;
    EXPECT_DOUBLE_EQ(ll->first, c.lon) << c.text;
    EXPECT_DOUBLE_EQ(ll->second, c.lat) << c.text;
  }
  EXPECT_EQ(parseCoordPair("N30.2741 E120.1552")->first.axis, Axis::Lat);
  // Southern and western hemispheres are negative.
  const auto sw = parseCoordPair("S33.86 W151.2");
  ASSERT_TRUE(sw);
  EXPECT_DOUBLE_EQ(sw->lonLat()->first, -151.2);
  EXPECT_DOUBLE_EQ(sw->lonLat()->second, -33.86);
}

TEST_F(Places, DegreesMinutesSecondsToWithinAMicrodegree) {
  struct Case {
    const char* text;
    double deg;
    Axis axis;
  };
  const Case cases[] = {
      {"120°09′18.7″", kLon, Axis::Unknown},     {"120°9'18.7\"", kLon, Axis::Unknown},
      {"120度9分18.7秒", kLon, Axis::Unknown},    {"东经120°09′18.7″", kLon, Axis::Lon},
      {"东经120度09分18.7秒", kLon, Axis::Lon},    {"120°09′18.7″E", kLon, Axis::Lon},
      {"E 120°09′18.7″", kLon, Axis::Lon},       {"120º09´18.7″", kLon, Axis::Unknown},
      {"120˚09′18.7″", kLon, Axis::Unknown},     {"120°09′18.7′′", kLon, Axis::Unknown},
      {"120°09'18.7''", kLon, Axis::Unknown},    {"120° 09′ 18.7″", kLon, Axis::Unknown},
      {"120 09 18.7", kLon, Axis::Unknown},      {"30°16.45′N", 30.0 + 16.45 / 60.0, Axis::Lat},
      {"30°16.45'N", 30.0 + 16.45 / 60.0, Axis::Lat}, {"北纬30°16′27″", kLat, Axis::Lat},
      {"30°16′27″S", -kLat, Axis::Lat},          {"西经120°09′18.7″", -kLon, Axis::Lon},
      {"-120°09′18.7″", -kLon, Axis::Unknown},   {"120°09.3117′", 120.0 + 9.3117 / 60.0, Axis::Unknown},
      {"120°", 120.0, Axis::Unknown},            {"N 30 16 27", kLat, Axis::Lat},
      // Decimal degrees pass through.
      {"120.1552", 120.1552, Axis::Unknown},     {"-30.5", -30.5, Axis::Unknown},
      {"120.1552°E", 120.1552, Axis::Lon},       {"E120.1552", 120.1552, Axis::Lon},
      {"lat 30.2741", 30.2741, Axis::Lat},       {"１２０．１５５２", 120.1552, Axis::Unknown},
  };
  for (const Case& c : cases) {
    const auto a = parseAngle(c.text);
    ASSERT_TRUE(a) << c.text;
    EXPECT_NEAR(a->degrees, c.deg, 1e-6) << c.text;
    EXPECT_EQ(a->axis, c.axis) << c.text;
    EXPECT_NEAR(parseDegrees(c.text).value_or(NAN), c.deg, 1e-6) << c.text;
  }
  EXPECT_TRUE(parseAngle("120°09′18.7″")->sexagesimal);
  EXPECT_FALSE(parseAngle("120.1552")->sexagesimal);
  // A pair of DMS angles, in one cell.
  for (const char* s : {"120°09′18.7″E, 30°16′27″N", "30°16′27″N 120°09′18.7″E", "东经120度9分18.7秒，北纬30度16分27秒",
                        "120 09 18.7 30 16 27", "120 09 18.7, 30 16 27"}) {
    const auto p = parseCoordPair(s);
    ASSERT_TRUE(p) << s;
    const bool lat_first = p->first.axis == Axis::Lat;
    EXPECT_NEAR(lat_first ? p->second.degrees : p->first.degrees, kLon, 1e-6) << s;
    EXPECT_NEAR(lat_first ? p->first.degrees : p->second.degrees, kLat, 1e-6) << s;
  }
}

TEST_F(Places, InvalidDmsIsRejected) {
  for (const char* s : {
           "120°60′00″",    // minutes ≥ 60
           "120°09′60″",    // seconds ≥ 60
           "120°75.5′",     // decimal minutes ≥ 60
           "120度61分",     // minutes ≥ 60, Chinese
           "120 60 18.7",   // minutes ≥ 60, spaces
           "120 09 61",     // seconds ≥ 60, spaces
           "120.5°30′",     // fractional degrees and minutes
           "120°9.5′18″",   // fractional minutes and seconds
           "120°-9′18″",    // negative minutes
           "09′18″",        // minutes without degrees
           "120 09",        // two numbers: degrees-minutes or a pair?
           "120 09 18.7 5", // four numbers
           "91°N",          // latitude beyond 90
           "lat 95",        //
           "181°E",         // longitude beyond 180
           "-30°16′27″S",   // a sign and a southern hemisphere
           "E120°09′18.7″N",  // two axes for one angle
           "120°09′18.7″ 30°16′27″",  // two angles
           "", "abc", "120d09m18s", "1e5", "°", "120..5",
       })
    EXPECT_FALSE(parseAngle(s)) << s;
}

TEST_F(Places, ColumnScoreForCombinedPairs) {
  const std::vector<std::string> pairs = {"120.1552,30.2741", "30.2741,120.1552", "", "E120.20 N30.21", "(119.95, 30.05)", "无"};
  const CoordPairColumnScore s = scoreCoordPairColumn(pairs);
  EXPECT_EQ(s.values, 5);
  EXPECT_EQ(s.pairs, 4);
  EXPECT_EQ(s.plausible, 4);
  EXPECT_EQ(s.lon_first, 3);
  EXPECT_EQ(s.lat_first, 1);
  EXPECT_NEAR(s.share(), 0.8, 1e-12);
  // Pairs that are no place in China (projected metres, 0,0) parse but do not count.
  const CoordPairColumnScore projected = scoreCoordPairColumn(std::vector<std::string>{"40500000,3350000", "0,0", "1,2"});
  EXPECT_EQ(projected.pairs, 2);  // 40500000 is beyond ±180: no angle; 0,0 and 1,2 are pairs
  EXPECT_EQ(projected.plausible, 0);
  EXPECT_EQ(projected.share(), 0.0);
  // Names, single numbers, dates: nothing.
  EXPECT_EQ(scoreCoordPairColumn(std::vector<std::string>{"余杭区", "120.15", "2024-03-05", "萧山区"}).plausible, 0);
  EXPECT_EQ(scoreCoordPairColumn(std::vector<std::string>{}).share(), 0.0);
  // As RawTable holds rows; a short row is an empty cell; max_cells bounds the work.
  const std::vector<std::vector<std::string>> rows = {{"a", "120.1,30.2"}, {"b"}, {"c", "30.3 120.2"}, {"d", "x"}};
  const CoordPairColumnScore r = scoreCoordPairColumn(rows, 1);
  EXPECT_EQ(r.values, 3);
  EXPECT_EQ(r.plausible, 2);
  EXPECT_EQ(scoreCoordPairColumn(rows, 1, 1).values, 1);
  EXPECT_EQ(scoreCoordPairColumn(rows, -1).values, 0);
  EXPECT_EQ(scoreCoordPairColumn(rows, 7).values, 0);
  EXPECT_TRUE(plausibleChinaPair(120.15, 30.27));
  EXPECT_TRUE(plausibleChinaPair(30.27, 120.15));
  EXPECT_FALSE(plausibleChinaPair(-120.15, 30.27));
  EXPECT_FALSE(plausibleChinaLonLat(30.27, 120.15));
}

TEST_F(Places, TotalOnArbitraryText) {
  // Random bytes and random pieces of the notations: no throw, no crash, answers in range.
  std::mt19937 rng(16);
  const std::vector<std::string> pieces = {"120", ".", "°", "′", "″", "'", "\"", "度", "分", "秒", "E", "N", "S", "W", "东经", "北纬",
                                           ",", "，", " ", "(", ")", "POINT", "-", "60", "杭州市", "余杭", "区", "县", "市", "原",
                                           "浙江省", "德清", "330110", "0", "高新区", "下沙", "\xE4", "\xFF", "lat", "、"};
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) {
      if (rng() % 5 == 0) s.push_back(static_cast<char>(rng() % 256));
      else s += pieces[rng() % pieces.size()];
    }
    const DistrictMatch d = matchDistrict(s, districts());
    for (int c : d.candidates) ASSERT_TRUE(c >= 0 && c < static_cast<int>(districts().size())) << s;
    const ParkMatch p = matchParkDetail(s, parks());
    ASSERT_TRUE(p.park >= -1 && p.park < static_cast<int>(parks().size())) << s;
    if (auto a = parseAngle(s)) {
      ASSERT_TRUE(std::isfinite(a->degrees) && std::fabs(a->degrees) <= 180) << s;
    }
    if (auto c = parseCoordPair(s)) {
      ASSERT_TRUE(std::isfinite(c->first.degrees) && std::isfinite(c->second.degrees)) << s;
    }
  }
}
