#include "platform/secrets.h"
#include "platform/text.h"

#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <regex>


namespace cm {

bool holdsSecret(const std::vector<std::string>& args) {
  const char* env = std::getenv("PGPASSWORD");
  if (env && *env) return true;
  for (const std::string& a : args)
    if (redactPasswords(a) != a) return true;
  return false;
}

bool disableCoreDumps() {
  const rlimit none{0, 0};
  if (::setrlimit(RLIMIT_CORE, &none) != 0) return false;
  rlimit now{};
  return ::getrlimit(RLIMIT_CORE, &now) == 0 && now.rlim_cur == 0;
}

namespace {
}  // namespace

bool isDatabaseSource(const std::string& source) {
  // GDAL's PostgreSQL driver takes "PG:…" and, without the prefix, libpq's URIs.
  auto starts = [&](const char* p) { return asciiLower(source.substr(0, std::strlen(p))) == p; };
  return starts("pg:") || starts("postgresql://") || starts("postgres://");
}

namespace {

// "%70assword" → "password": libpq decodes a URI's parameter names as well as their values.
std::string percentDecoded(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return asciiLower(out);
}

bool secretKey(const std::string& key) { return key == "password" || key == "sslpassword"; }

// A postgres:// or postgresql:// URI from `at` to its end (the first white space): the password
// of the user info ("u:secret@h") and password=/sslpassword= query parameters are dropped.
std::string uriWithoutPassword(const std::string& uri) {
  const size_t scheme_end = uri.find("://") + 3;
  std::string out = uri.substr(0, scheme_end);
  size_t p = scheme_end;
  // libpq: the user info ends at an '@' before any '/'; the password follows its first ':'. The
  // last such '@' is taken, so that a password with an '@' in it is dropped whole.
  const size_t slash = uri.find('/', p);
  const size_t at = uri.rfind('@', slash == std::string::npos ? std::string::npos : slash);
  if (at != std::string::npos && at >= p) {
    const std::string info = uri.substr(p, at - p);
    out += info.substr(0, info.find(':')) + "@";
    p = at + 1;
  }
  const size_t q = uri.find('?', p);
  out += uri.substr(p, q == std::string::npos ? std::string::npos : q - p);
  if (q == std::string::npos) return out;
  std::string kept;
  size_t start = q + 1;
  while (start <= uri.size()) {
    size_t end = uri.find('&', start);
    if (end == std::string::npos) end = uri.size();
    const std::string param = uri.substr(start, end - start);
    if (!param.empty() && !secretKey(percentDecoded(param.substr(0, param.find('=')))))
      kept += (kept.empty() ? "" : "&") + param;
    start = end + 1;
  }
  return kept.empty() ? out : out + "?" + kept;
}

}  // namespace

std::string redactPasswords(const std::string& text) {
  // key=value form: password=secret, password = 'a b\'c', password=a\ b (libpq's escapes).
  static const std::regex kv(R"((^|[\s:])(ssl)?password\s*=\s*('([^'\\]|\\.)*'?|(\\.|[^\s\\])*\\?))", std::regex::icase);
  std::string s = std::regex_replace(text, kv, "$1");
  // URI form, anywhere in the text (a message may quote one): postgresql://user:secret@host/db?password=secret
  static const std::regex uri(R"(postgres(ql)?://\S*)", std::regex::icase);
  std::string r;
  size_t last = 0;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), uri); it != std::sregex_iterator(); ++it) {
    r += s.substr(last, it->position() - last) + uriWithoutPassword(it->str());
    last = it->position() + it->length();
  }
  r += s.substr(last);
  return r;
}

std::string conninfoQuoted(const std::string& value) {
  std::string q = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') q += '\\';
    q += c;
  }
  return q + "'";
}

std::string withoutPassword(const std::string& source) {
  const std::string r = redactPasswords(source);
  std::string out;  // single spaces, none at the end
  for (char c : r)
    if (!(c == ' ' && (out.empty() || out.back() == ' ' || out.back() == ':'))) out.push_back(c);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace cm
