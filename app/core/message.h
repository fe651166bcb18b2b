// A message kept as its key and arguments, rendered in a language when shown: the import report,
// the mapping dialog's reasons and the importer's errors are built once and read in Chinese or
// English (the window re-renders them when the language changes). The key names an entry of
// assets/strings.json whose text holds {name} placeholders:
//   "import.dup_id": {"zh": "{column}与前面的行重复…", "en": "{column} repeats an earlier row's…"}
//   Msg("import.dup_id").arg("column", "项目编号")
// An argument may itself be a key ("=key" renders tr(lang, key)), so that a word such as an
// ecosystem's name follows the language too.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/strings.h"

namespace cm {

struct Msg {
  std::string key;
  std::vector<std::pair<std::string, std::string>> args;

  Msg() = default;
  explicit Msg(std::string k) : key(std::move(k)) {}
  // A literal value: user text (a header, a cell) shown as written.
  Msg& arg(std::string name, std::string value) {
    if (!value.empty() && value[0] == '=') value.insert(value.begin(), '=');  // not a key: written as it is
    args.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  // A value that is itself a string-table key, rendered in the message's language.
  Msg& argKey(std::string name, const std::string& key) {
    args.emplace_back(std::move(name), "=" + key);
    return *this;
  }
  Msg& arg(std::string name, long long value) { return arg(std::move(name), std::to_string(value)); }
  // A value that is itself a message, rendered in the same language (a decision that quotes the
  // coordinate detection's evidence).
  Msg& argMsg(std::string name, const Msg& inner);
  bool empty() const { return key.empty(); }
  bool operator==(const Msg&) const = default;
};

// The entry's text with every {name} replaced; a placeholder without an argument stays as written.
// A stored value "=key" is a key of the table; arg() stores a literal that starts with '=' as "==…";
// argMsg() stores a message as "\x01key\x1fname\x1evalue…" (control characters user text does not hold).
std::string render(Lang lang, const Msg& m);

}  // namespace cm
