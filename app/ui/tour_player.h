// Playing a guided tour (core/tour.h) in the viewer: a step becomes the state (camera, layers,
// filters, time window or playback, life-cycle drawing, and what it keeps of the features: a
// choropleth's metric …); the camera flies between
// steps (van Wijk–Nuij, core/camera_flight.h, eased over TourState::fly_seconds); in autoplay
// (kiosk, --loop, a recording) each step stays its `seconds` — longer when its playback runs
// longer — and the last leads back to the first when looping. The reverse, stepFromState(),
// captures the current view as a step ("add this view"). GL-free; the App calls these.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"
#include "core/stats.h"
#include "platform/result.h"
#include "ui/app_state.h"

namespace cm {

// Reads a tour; on success the state holds it (step -1: nothing applied yet) and the returned
// list holds the warnings (long captions, unknown chain ids). What a step keeps of a feature is
// checked by that feature here: a value it cannot take fails the tour with the step named.
Result<std::vector<std::string>> openTour(AppState& st, const std::string& path);
// The registry the tours read and write the features' parts with (ui/feature.h to_tour/from_tour).
struct UiFeature;
const std::vector<UiFeature>& tourFeatures();
// Shows step k (clamped): its state at once, the camera flying there when `fly` (else jumping).
void goToStep(AppState& st, const Model& m, int k, bool fly);
// Next/previous step (Right/PageDown, Left/PageUp). Returns false at either end without a loop.
bool nextStep(AppState& st, const Model& m, bool fly = true);
bool previousStep(AppState& st, const Model& m, bool fly = true);
// Flies the camera to `to` (the same smooth zoom-and-pan; a tour need not be open).
void flyTo(AppState& st, const CameraPose& to);
// Advances the flight and, in autoplay, the step clock by dt seconds.
void advanceTour(AppState& st, const Model& m, double dt);
// How long step k lasts in autoplay: its seconds, or the flight and its playback if longer.
double stepSeconds(const TourState& t, int k);

// The camera of a state (the map area's centre and width, in the display CRS) and back.
CameraPose poseOf(const AppState& st);
void applyPose(AppState& st, const CameraPose& p);
// A step's extent in the display CRS (its lon/lat projected, width_km in metres).
CameraPose stepPose(const TourStep& s, const std::string& display_crs);
// The camera (poseOf's terms) that frames the step in the free map area: its width (and height_km
// when given) fitted into the larger of the areas above and right of the presentation's caption
// (outside presentation, the map area). goToStep and a flight's end apply it.
CameraPose stepCamera(const AppState& st, const TourStep& s, const std::string& display_crs);
// Once a frame, before anything else moved the camera (`before`: the view then): where the layout
// changed (a resize, presentation toggled, a new UI scale) since the step was framed and the view
// is still that frame, the step is framed again, so a step looks the same however it was reached.
void reframeStep(AppState& st, const Model& m, const View& before);

// A step's camera as the tour shows it: its extent fitted into the free map area (stepCamera); for
// a "projects": "open" step the open table's extent (its rows' bounding box with a margin; the
// step's own extent when the table has no rows).
CameraPose stepFrame(const AppState& st, const Model& m, const TourStep& s);
// A caption's live figures from the statistics on screen (Derived::stats(), equal to computeStats
// and --stats): count, investment, FDI, and the open table's name ("the synthetic sample" for it).
CaptionFigures captionFigures(const Model& m, const Stats& s);
// A step's caption text in `l` with its placeholders filled (core/tour.h fillCaption).
std::string stepCaption(const std::string& text, const Model& m, const Stats& s, Lang l);

// The current state as a step: camera, layers, filters, window, life-cycle, choropleth; no
// captions (the caller adds them).
TourStep stepFromState(const AppState& st, const Model& m);
// The state a step asks for, without touching the camera: filters, window, layers, playback.
// Names the model lacks (an unknown chain id, an adcode of no district) are skipped and listed.
std::vector<std::string> applyStepState(AppState& st, const Model& m, const TourStep& s);

}  // namespace cm
