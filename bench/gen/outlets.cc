// File: bench/gen/outlets.cc
#include "bench/gen/outlets.h"

#include <cmath>
#include <cstdio>
#include <numeric>
#include <string_view>

#include "bench/gen/rng.h"
#include "bench/gen/text_edit.h"

namespace reprint::bench {
namespace {

constexpr std::string_view kPlaces[] = {
    "Northfield", "Riverside", "Lakeview",  "Harborough", "Ashford",     "Millbrook",
    "Kingsbury",  "Westmoor",  "Fairhaven", "Oakridge",   "Stonebridge", "Elmstead",
    "Brackwater", "Dunmore",   "Greyhaven", "Pinecrest",  "Redcliff",    "Whitby Bay"};
constexpr std::string_view kPapers[] = {"Gazette",  "Courier", "Herald",   "Chronicle",
                                        "Observer", "Tribune", "Sentinel", "Examiner",
                                        "Post",     "Journal", "Record",   "Ledger"};

// {name} is replaced by the outlet's masthead.
constexpr std::string_view kPhrases[] = {
    "Home | News | Local | Politics | Business | Sport | Opinion | Weather",
    "Skip to main content.",
    "Menu Search Sign in Subscribe",
    "Share this article on Facebook, Twitter, WhatsApp or by email.",
    "Advertisement",
    "Most read stories this week.",
    "We use cookies to give you the best experience on our website.",
    "By continuing to browse the {name} site you consent to our use of cookies.",
    "Accept all cookies | Manage preferences",
    "Read our privacy notice and cookie policy.",
    "Copyright {name} Media Group. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed without "
    "permission.",
    "Sign up for the {name} morning newsletter and never miss a story.",
    "Terms of service | Privacy policy | Advertise with us | Careers | Contact the newsroom",
    "Subscribe to the {name} from just one dollar a week.",
    "Got a news tip? Contact our reporters today.",
    "Related topics: community, local government, weather, schools.",
};

std::string Replace(std::string_view phrase, const std::string& name) {
  std::string s(phrase);
  for (size_t p = s.find("{name}"); p != std::string::npos; p = s.find("{name}", p)) {
    s.replace(p, 6, name);
    p += name.size();
  }
  return s;
}

// Phrases in a seeded order until `words` words, cut to exactly that many.
std::string MakeBoilerplate(const std::string& name, int words, Rng& rng) {
  std::vector<size_t> order(std::size(kPhrases));
  std::iota(order.begin(), order.end(), size_t{0});
  std::string text = "The " + name + ".";
  while (static_cast<int>(CountWords(text)) < words) {
    rng.Shuffle(order);
    for (size_t i : order) {
      text += ' ';
      text += Replace(kPhrases[i], name);
      if (static_cast<int>(CountWords(text)) >= words) break;
    }
  }
  std::vector<Piece> pieces = SplitPieces(text);
  pieces.resize(words);
  return JoinPieces(pieces);
}

}  // namespace

std::string Outlet::Wrap(const std::string& text) const {
  if (boilerplate.empty()) return text;
  return header ? boilerplate + "\n\n" + text : text + "\n\n" + boilerplate;
}

std::vector<Outlet> MakeOutlets(int count, const OutletOptions& options, uint64_t seed) {
  std::vector<Outlet> outlets(count);
  Rng pick(StreamSeed(seed, "outlets"));
  std::vector<int> order(count);
  std::iota(order.begin(), order.end(), 0);
  pick.Shuffle(order);
  const int with_boilerplate = static_cast<int>(std::lround(options.boilerplate_share * count));
  for (int i = 0; i < count; ++i) {
    Rng rng(StreamSeed(seed, "outlet", i));
    Outlet& o = outlets[i];
    char source[32];
    std::snprintf(source, sizeof source, "outlet-%02d", i);
    o.source = source;
    o.name = std::string(kPlaces[rng.Below(std::size(kPlaces))]) + " " +
             std::string(kPapers[rng.Below(std::size(kPapers))]);
    o.header = rng.Chance(0.5);
    const int words = rng.Range(options.min_boilerplate_words, options.max_boilerplate_words);
    o.boilerplate = MakeBoilerplate(o.name, words, rng);
  }
  for (int i = with_boilerplate; i < count; ++i) outlets[order[i]].boilerplate.clear();
  return outlets;
}

}  // namespace reprint::bench
