// Guided tours (core/tour.h, ui/tour_player.h): the editor in the sidebar, the step's caption,
// the clicker's keys (→/PgDn, ←/PgUp), the camera's flight and the kiosk's clock as time passes,
// and opening and saving tour files.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <malloc.h>

#include "ui/features/features.h"
#include "ui/tour_player.h"

namespace cm {

namespace {

bool tourOpen(const AppState& st) { return st.tour.open && !st.tour.doc.steps.empty(); }

KeyBinding step(int key, bool forward) {
  return {key, 0, [forward](FeatureContext& c, int) {
            if (!tourOpen(c.st)) return false;
            c.st.tour.autoplay = false;  // the presenter drives now
            if (forward) nextStep(c.st, c.model);
            else previousStep(c.st, c.model);
            return true;
          }};
}

}  // namespace

UiFeature makeTourFeature() {
  UiFeature f;
  f.id = "tour";
  f.panels = {{"tour", Dock::Left, false, drawTourPanel, {}, {}, 10},
              {"caption", Dock::Caption, true, drawCaptionPanel,
               [](const UiContext& ui) { return ui.st.tour.open && ui.st.tour.step >= 0; }}};
  f.keys = {step(GLFW_KEY_RIGHT, true), step(GLFW_KEY_PAGE_DOWN, true), step(GLFW_KEY_LEFT, false), step(GLFW_KEY_PAGE_UP, false)};
  f.advance = [](AppState& st, const Model& m, double dt) {
    const int before = st.tour.step;
    advanceTour(st, m, dt);  // the camera's flight, the kiosk's clock
    // A looping tour (a kiosk, all day) came round: hand the heap's free pages back to the
    // system, so that a day of rounds cannot pile fragmentation into the resident size. Live
    // memory is untouched (a leak would still show); once a round, every few minutes.
    if (st.tour.loop && st.tour.step < before) malloc_trim(0);
  };
  f.files = {{"open_tour", false, {".json"}, "",
              [](FeatureContext& c, const std::string& path) {
                auto w = openTour(c.st, path);
                if (!w) c.st.errors.push_back(w.error());
                else c.st.warnings.insert(c.st.warnings.end(), w->begin(), w->end());
              }},
             {"save_tour", true, {".json"}, "chainmap-tour.json", [](FeatureContext& c, const std::string& path) { saveTourAs(c.st, path); }}};
  return f;
}

}  // namespace cm
