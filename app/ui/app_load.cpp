// Loading another projects source while the window stays usable: open (drop a file, File →
// Open, a database), reload (F5, --watch), the mapping dialog's apply, cancel; and replacing
// the model between frames with or without keeping the user's view, filters and selection.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>

#include <filesystem>
#include <iterator>
#include <utility>

#include "data/gdal/export_projects.h"
#include "data/gdal/table.h"
#include "ui_support/recent_files.h"
#include "ui/app_impl.h"
#include "ui/startup.h"
#include "platform/secrets.h"
#include "ui/tour_player.h"

namespace cm {

namespace {

bool authFailure(const std::vector<std::string>& errors) {
  for (const std::string& e : errors)
    if (e.find("password") != std::string::npos || e.find("authentication") != std::string::npos) return true;
  return false;
}

// The filter's chain set over another model's chain list: by chain id, not by index.
IdSet remapChains(const IdSet& set, const Projects& from, const Projects& to) {
  if (set.isAll()) return set;
  IdSet out = IdSet::none();
  for (size_t c = 0; c < from.chain_names.size(); ++c) {
    if (!set.contains(static_cast<int>(c))) continue;
    const auto it = std::find(to.chain_names.begin(), to.chain_names.end(), from.chain_names[c]);
    if (it != to.chain_names.end())
      out.set(static_cast<int>(it - to.chain_names.begin()), true, static_cast<int>(to.chain_names.size()));
  }
  return out;
}

}  // namespace

bool App::loading() const { return !impl_->load.idle(); }
float App::loadProgress() const { return impl_->load.progress(); }
void App::setWatch(double seconds) { impl_->watch_s = std::max(0.0, seconds); }

void App::openMappingDialog(std::shared_ptr<ImportSession> s) {
  if (s) impl_->mapping_dialog.show(std::move(s));
}

std::shared_ptr<ImportSession> App::pendingCategories() const {
  return impl_->category_dialog.open ? impl_->category_dialog.session : nullptr;
}

std::shared_ptr<ImportSession> App::pendingMapping() const {
  return impl_->mapping_dialog.open ? impl_->mapping_dialog.session : nullptr;
}

void App::setSource(const LoadOptions& opt, std::shared_ptr<ImportSession> import) {
  impl_->source = opt;
  impl_->import = std::move(import);
}

void App::cancelLoad() {
  Impl& I = *impl_;
  if (I.load.idle()) return;
  I.load_cancelled = true;
  I.load.cancel();  // the reader stops at its next check; the result is dropped
  st_.status.clear();
}

void App::startLoad(LoadOptions opt, bool keep_state) {
  Impl& I = *impl_;
  if (!I.load.idle()) return;  // one load at a time
  I.load_cancelled = false;
  I.load_frames = 0;
  I.loading_file = withoutPassword(opt.projects_file.empty() ? std::string("(sample)") : opt.projects_file);
  st_.status = std::string(tr(st_.lang, S::Loading)) + " " + I.loading_file + " …";
  opt.lang = st_.lang;  // the import's report and errors in the window's language
  LoadOptions run = opt;
  if (!I.pg_password.empty() && isDatabaseSource(run.projects_file))  // typed in the window, never stored
    run.projects_file += " password=" + conninfoQuoted(I.pg_password);
  I.load.start([opt, run, keep_state, current = model_](TaskControl& control) {
    LoadedModel r;
    r.opt = opt;
    r.keep_state = keep_state;
    LoadOptions deferred = run;
    deferred.defer_cache_write = true;  // the table shows first; its cache is written beside
    r.model = std::make_shared<Model>(loadModel(deferred, r.report, &control));
    for (auto* list : {&r.report.errors, &r.report.warnings, &r.report.import_lines})  // a message may quote the connection string
      for (std::string& e : *list) e = redactPasswords(e);
    if ((!r.report.fatal() || r.report.needs_mapping) && !control.cancel) {
      // A table that needs its mapping confirmed stays off screen for now: the atlas must then
      // hold the current model's names and the new table's headers and first rows.
      GlyphText text = neededText(r.report.needs_mapping ? *current : *r.model, &r.report);
      auto blob = readCjkFont();
      r.fonts.emplace(blob ? buildFonts(blob.take(), text) : Result<Fonts>::fail(blob.error()));
    }
    if (!control.cancel) writeCacheInBackground(r.model, r.report.cache_write);
    return r;
  });
}

void App::openProjects(const std::string& source, const std::string& layer, const std::string& mapping) {
  startLoad(LoadOptions{.data_dir = model_->data_dir, .projects_file = source, .crs = model_->display_crs, .layer = layer,
                       .mapping_file = mapping, .use_cache = impl_->source.use_cache},
            false);
}

void App::reload() {
  Impl& I = *impl_;
  if (remote()) {  // remote mode: the database's summaries made again if the table changed, every answer asked again
    I.derived.refreshRemote();
    return;
  }
  I.since_reload = 0;
  LoadOptions opt = I.source;
  opt.data_dir = model_->data_dir;
  opt.crs = model_->display_crs;
  if (I.import && I.import->mapping.from_file && opt.mapping_file.empty()) opt.mapping_file = I.import->mapping_path;
  startLoad(opt, true);
}

void App::applyMapping(std::shared_ptr<ImportSession> s, FieldMapping m, bool save) {
  Impl& I = *impl_;
  if (!I.load.idle() || !s) return;
  if (save) {
    if (auto ok = saveMapping(s->mapping_path, m, s->table); !ok) {
      st_.errors.push_back(ok.error());
      return;
    }
    m.from_file = true;
  }
  // Imported on the worker, into a copy of the map layers on screen (the source is not read again).
  auto base = std::make_shared<Model>(baseMapOf(*model_));
  base->projects_file = s->table.source;
  const bool same_source = s->table.source == I.source.projects_file;
  LoadOptions opt{.data_dir = model_->data_dir, .projects_file = s->table.source, .crs = model_->display_crs,
                  .layer = s->table.layer, .mapping_file = save ? s->mapping_path : "", .use_cache = I.source.use_cache,
                  .lang = st_.lang};
  I.load_cancelled = false;
  I.load_frames = 0;
  I.loading_file = s->table.display_source;
  st_.status = std::string(tr(st_.lang, S::Loading)) + " " + I.loading_file + " …";
  I.load.start([s, m, base, opt, same_source](TaskControl&) {
    LoadedModel r;
    r.opt = opt;
    r.keep_state = same_source;
    auto session = std::make_shared<ImportSession>(*s);
    session->mapping = m;
    session->lang = opt.lang;
    session->confident = true;
    r.report.import = session;
    if (applyImport(*base, *session, r.report)) {
      auto blob = readCjkFont();
      r.fonts.emplace(blob ? buildFonts(blob.take(), neededText(*base, &r.report)) : Result<Fonts>::fail(blob.error()));
    }
    r.model = base;
    return r;
  });
}

void App::pollLoad() {
  Impl& I = *impl_;
  auto done = I.load.poll();
  if (!done) return;
  if (I.load_cancelled) {  // Cancel was pressed: nothing changes
    I.load_cancelled = false;
    return;
  }
  applyLoaded(std::move(*done));
}

void App::applyLoaded(LoadedModel&& r) {
  Impl& I = *impl_;
  st_.status.clear();
  for (const std::string& e : r.report.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
  for (const std::string& w : r.report.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  for (const std::string& l : r.report.import_lines) std::fprintf(stderr, "%s\n", l.c_str());
  if (r.report.needs_mapping && r.report.import) {  // the columns need a person: the dialog opens
    if (r.fonts && *r.fonts) swapFonts(r.fonts->take());
    I.mapping_dialog.show(r.report.import);
    I.mapping_base_source = r.opt;
    return;
  }
  if (isDatabaseSource(r.opt.projects_file) && r.report.fatal() && authFailure(r.report.errors)) {
    I.password_prompt = true;  // ask, then load again
    I.source = r.opt;
    st_.errors.insert(st_.errors.end(), r.report.errors.begin(), r.report.errors.end());
    return;
  }
  if (r.report.fatal() || !r.fonts || !*r.fonts) {  // keep what is on screen; say why
    // A source that failed to open leaves the recent list (opening it put it there; offered again,
    // it would only fail again). A wrong database password is asked above, and stays.
    if (r.report.fatal() && I.recent.remove(r.opt.projects_file)) I.recent.save(recentFilesPath());
    st_.errors.insert(st_.errors.end(), r.report.errors.begin(), r.report.errors.end());
    if (r.fonts && !*r.fonts) st_.errors.push_back(r.fonts->error());
    return;
  }
  st_.errors.clear();  // what failed before (a mapping that was missing, a wrong password) is settled
  st_.warnings = r.report.warnings;
  st_.import = r.report.import;
  I.source = r.opt;
  I.import = r.report.import;
  // Industry texts below confidence: the category dialog opens (not over a presentation); one for
  // the table that was on screen closes.
  I.category_dialog.open = false;
  if (I.import && I.import->undecidedRows() > 0 && !st_.present) I.category_dialog.show(I.import);
  replaceModel(std::move(r.model), r.fonts->take(), r.keep_state);
}

// A new atlas replaces the old one between frames: the font texture is uploaded again.
void App::swapFonts(Fonts fonts) {
  Impl& I = *impl_;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  I.fonts = std::move(fonts);
  ImGui::GetIO().Fonts = I.fonts.atlas.get();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  I.force_present = true;
}

void App::replaceModel(std::shared_ptr<const Model> model, Fonts fonts, bool keep_state) {
  Impl& I = *impl_;
  swapFonts(std::move(fonts));
  I.spare_fonts.clear();  // built for the old model's names
  const std::shared_ptr<const Model> old = std::move(model_);
  model_ = std::move(model);
  ++model_rev_;
  I.derived.setRemote(nullptr);  // another table opened: its rows, not the database, from now on
  const AppState fresh = defaultState(*model_);
  if (keep_state && old) {
    // A reload of the same source: the user's window, filters and selection stay (by id and by
    // chain name, since rows and chains may have moved); the timeline grows to the new data.
    const std::string selected_id = st_.selected >= 0 && st_.selected < static_cast<int>(old->projects.size()) ? old->projects.id[st_.selected].str() : "";
    st_.filter.chains = remapChains(st_.filter.chains, old->projects, model_->projects);
    const bool whole = st_.filter.month_from <= st_.timeline.first_month && st_.filter.month_to >= st_.timeline.last_month;
    st_.timeline.first_month = fresh.timeline.first_month;
    st_.timeline.last_month = fresh.timeline.last_month;
    st_.timeline.dated = fresh.timeline.dated;
    if (whole) st_.filter.month_from = fresh.filter.month_from, st_.filter.month_to = fresh.filter.month_to;
    st_.selected = -1;
    if (!selected_id.empty()) {
      const auto& ids = model_->projects.id;
      if (const auto it = std::find(ids.begin(), ids.end(), selected_id); it != ids.end()) st_.selected = static_cast<int>(it - ids.begin());
    }
  } else {
    // Another source: the view, layers, language and aggregation stay; what indexes rows does not.
    st_.timeline = fresh.timeline;
    st_.filter = fresh.filter;
    st_.selected = -1;
  }
  st_.home = fresh.home;
  st_.hover = {};
  I.press_pick = {};
  I.force_present = true;
}

}  // namespace cm

namespace cm {

// ---- what the App does for the features (ui/feature.h AppServices) ----------------------------

void AppServicesImpl::openProjects(const std::string& source) {
  App::Impl& I = *app_.impl_;
  I.recent.add(source);
  I.recent.save(recentFilesPath());
  app_.openProjects(source);
}

void AppServicesImpl::reloadProjects() {
  if (app_.state().reloadable) app_.reload();
}

void AppServicesImpl::saveImage(const std::string& png) {
  App::Impl& I = *app_.impl_;
  if (png.empty()) I.export_requested = true;  // Ctrl+S: the window as it is, named by the time
  else I.image_export_path = png;              // rendered after this frame (a capture runs frames of its own)
}

void AppServicesImpl::quit() {
  App::Impl& I = *app_.impl_;
  if (I.window) glfwSetWindowShouldClose(I.window, GLFW_TRUE);
}

// Once a frame, after the panels: the requests they made, the load's progress window, the
// database password prompt and the mapping dialog.
void App::drawLoadUi() {
  Impl& I = *impl_;
  const Lang L = st_.lang;
  st_.reloadable = !I.source.projects_file.empty() || remote();  // a file, or the database (remote mode)
  st_.mappable = I.import != nullptr;
  AppState::Requests req = std::exchange(st_.requests, {});
  if (req.edit_mapping && I.import) I.mapping_dialog.show(I.import);
  if (req.edit_categories && I.import) I.category_dialog.show(I.import);
  // A feature asked for a file (ui/feature.h FileAction): the browser, then the feature's callback.
  for (const std::string& id : req.browse)
    if (const FileAction* a = findFileAction(I.features, id)) {
      I.browse = id;
      I.file_browser.show(a->save ? FileBrowser::Mode::Save : FileBrowser::Mode::Open, I.browse_dir, a->extensions, a->default_name);
    }
  if (auto chosen = I.file_browser.draw(I.recent, L)) {
    I.browse_dir = std::filesystem::path(*chosen).parent_path().string();
    if (const FileAction* a = findFileAction(I.features, I.browse)) {
      FeatureContext ctx{st_, *model_, I.derived, *I.services};
      a->chosen(ctx, *chosen);
    }
  }

  // Progress and Cancel once a load has taken more than a few frames (a cached table arrives
  // before the bar would only flash); the map stays usable underneath.
  if (loading() && ++I.load_frames > 3) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos({vp->Size.x * 0.5f, vp->Size.y - 180.f * st_.ui_scale}, ImGuiCond_Always, {0.5f, 1.f});
    ImGui::SetNextWindowSize({420 * st_.ui_scale, 0});
    ImGui::Begin("##loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                           ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::TextWrapped("%s %s", tr(L, S::Loading), I.loading_file.c_str());
    ImGui::ProgressBar(loadProgress(), {-1, 0});
    if (ImGui::Button(tr(L, S::FbCancel))) cancelLoad();
    ImGui::End();
  }

  if (I.password_prompt) {
    ImGui::OpenPopup("##pgpassword");
    I.password_prompt = false;
  }
  if (ImGui::BeginPopupModal("##pgpassword", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::TextUnformatted(tr(L, S::PasswordTitle));
    ImGui::TextDisabled("%s", withoutPassword(I.source.projects_file).c_str());
    ImGui::SetNextItemWidth(280);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText("##pw", I.password_buf, sizeof I.password_buf,
                                        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::TextDisabled("%s", tr(L, S::PasswordNote));
    if (ImGui::Button(tr(L, S::Connect)) || enter) {
      I.pg_password = I.password_buf;
      disableCoreDumps();  // platform/secrets.h: no core file holds it
      std::fill(std::begin(I.password_buf), std::end(I.password_buf), '\0');
      st_.errors.clear();
      ImGui::CloseCurrentPopup();
      startLoad(I.source, false);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(L, S::FbCancel))) {
      std::fill(std::begin(I.password_buf), std::end(I.password_buf), '\0');
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  switch (I.mapping_dialog.draw(L)) {
    case MappingDialog::Action::Apply: applyMapping(I.mapping_dialog.session, I.mapping_dialog.edit, false); break;
    case MappingDialog::Action::SaveApply: applyMapping(I.mapping_dialog.session, I.mapping_dialog.edit, true); break;
    case MappingDialog::Action::ChangeLayer:  // read that sheet or layer (its own mapping, guessed or saved)
      openProjects(I.mapping_dialog.session->table.source, I.mapping_dialog.layer_choice);
      break;
    default: break;
  }
  switch (I.category_dialog.draw(L)) {  // industry decisions: applied like a changed mapping
    case ApplyChoice::Apply: applyMapping(I.category_dialog.session, I.category_dialog.mapping(), false); break;
    case ApplyChoice::SaveApply: applyMapping(I.category_dialog.session, I.category_dialog.mapping(), true); break;
    default: break;
  }
}

}  // namespace cm
