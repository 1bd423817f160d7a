//! Where an import stands and what moves it on: a file chosen and read, the availability check
//! of its valid templates, and the run of creates. Each loop reports its own outcome (the
//! items' states, the phase, the focus on the result), as the editor's save does.

use hsm_domain::transfer::{self, FileError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

use super::super::plan::{self, Item, State};
use crate::api::{Api, ApiError};

/// Where the import stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// No file yet, or the last one was refused.
    Choose,
    Reading,
    /// Asking the backend which names exist.
    Checking,
    CheckFailed(ApiError),
    Preview,
    Running,
    /// The run ended: everything due was sent, or it stopped at a failure.
    Finished,
}

impl Phase {
    /// The phase's name on the page (`data-phase`).
    pub fn name(&self) -> &'static str {
        match self {
            Phase::Choose => "choose",
            Phase::Reading => "reading",
            Phase::Checking => "checking",
            Phase::CheckFailed(_) => "check-failed",
            Phase::Preview => "preview",
            Phase::Running => "running",
            Phase::Finished => "finished",
        }
    }
}

/// Why a chosen file shows no preview.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    File(FileError),
    Unreadable,
}

/// One import screen's state and actions.
#[derive(Clone, Copy)]
pub struct Import {
    pub phase: RwSignal<Phase>,
    pub refusal: RwSignal<Option<Refusal>>,
    pub file_name: RwSignal<String>,
    pub items: RwSignal<Vec<Item>>,
    /// Done and total of the loop under way.
    pub progress: RwSignal<(usize, usize)>,
    check: Action<(), ()>,
    run: Action<(), ()>,
}

impl Import {
    /// Reads `file`, then checks its valid templates; a refused file says why.
    pub fn choose(self, file: web_sys::File) {
        self.file_name.set(file.name());
        self.items.set(Vec::new());
        self.refusal.set(None);
        if let Err(e) = transfer::check_size(file.size() as usize) {
            self.refuse(Refusal::File(e));
            return;
        }
        self.phase.set(Phase::Reading);
        let file = SendWrapper::new(file);
        spawn_local(async move {
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .map(|buf| js_sys::Uint8Array::new(&buf).to_vec());
            let read = match bytes {
                Ok(bytes) => transfer::read_file(&bytes).map_err(Refusal::File),
                Err(_) => Err(Refusal::Unreadable),
            };
            match read {
                Ok(entries) => {
                    self.items
                        .try_set(entries.into_iter().map(Item::from_entry).collect());
                    self.recheck();
                }
                Err(r) => self.refuse(r),
            }
        });
    }

    fn refuse(self, refusal: Refusal) {
        self.refusal.try_set(Some(refusal));
        self.phase.try_set(Phase::Choose);
    }

    /// Checks the templates not checked yet (again after a failure).
    pub fn recheck(self) {
        self.phase.try_set(Phase::Checking);
        self.check.dispatch(());
    }

    /// Sends every due template (a resume sends what is left).
    pub fn start(self) {
        self.phase.set(Phase::Running);
        self.run.dispatch(());
    }

    /// Whether a file is being read, checked or imported.
    pub fn busy(self) -> bool {
        matches!(
            self.phase.get(),
            Phase::Reading | Phase::Checking | Phase::Running
        )
    }
}

/// The import's controller; `settled` runs when a check or a run has ended (to focus its
/// result).
pub fn use_import(settled: impl Fn() + Copy + 'static) -> Import {
    let api = expect_context::<Api>();
    let phase = RwSignal::new(Phase::Choose);
    let items = RwSignal::new(Vec::<Item>::new());
    let progress = RwSignal::new((0usize, 0usize));
    let check = {
        let api = api.clone();
        Action::new_local(move |_: &()| check_all(api.clone(), items, progress, phase, settled))
    };
    let run =
        Action::new_local(move |_: &()| create_all(api.clone(), items, progress, phase, settled));
    Import {
        phase,
        refusal: RwSignal::new(None),
        file_name: RwSignal::new(String::new()),
        items,
        progress,
        check,
        run,
    }
}

/// The indices of `items` in `state`.
fn indices(items: RwSignal<Vec<Item>>, keep: fn(&Item) -> bool) -> Vec<usize> {
    items.with_untracked(|v| {
        v.iter()
            .enumerate()
            .filter(|(_, i)| keep(i))
            .map(|(k, _)| k)
            .collect()
    })
}

/// Which of the valid templates exist already; a failure keeps what was checked.
async fn check_all(
    api: Api,
    items: RwSignal<Vec<Item>>,
    progress: RwSignal<(usize, usize)>,
    phase: RwSignal<Phase>,
    settled: impl Fn(),
) {
    let todo = indices(items, |i| i.state == State::Unchecked);
    let total = todo.len();
    progress.try_set((0, total));
    for (n, k) in todo.into_iter().enumerate() {
        let Some(Some(draft)) = items.try_with_untracked(|v| v[k].draft.clone()) else {
            return;
        };
        match api.check_availability(&draft.name, &draft.language).await {
            Ok(answer) => {
                if items
                    .try_update(|v| v[k].state = plan::after_check(&answer))
                    .is_none()
                {
                    return;
                }
                progress.try_set((n + 1, total));
            }
            Err(e) => {
                phase.try_set(Phase::CheckFailed(e));
                return;
            }
        }
    }
    if phase.try_set(Phase::Preview).is_none() {
        settled();
    }
}

/// Sends every due template in file order; stops at the first failure that is not about the
/// template itself (network, server, rate limit…), which a resume sends again.
async fn create_all(
    api: Api,
    items: RwSignal<Vec<Item>>,
    progress: RwSignal<(usize, usize)>,
    phase: RwSignal<Phase>,
    settled: impl Fn(),
) {
    let due = indices(items, Item::is_due);
    let total = due.len();
    progress.try_set((0, total));
    for (n, k) in due.into_iter().enumerate() {
        let Some(Some((draft, key))) =
            items.try_with_untracked(|v| v[k].draft.clone().zip(v[k].key()))
        else {
            return;
        };
        let result = api.create_template(&draft, &key).await.map(|v| v.value);
        let (state, stop) = plan::after_create(result);
        if items.try_update(|v| v[k].state = state).is_none() {
            return;
        }
        progress.try_set((n + 1, total));
        if stop {
            break;
        }
    }
    if phase.try_set(Phase::Finished).is_none() {
        settled();
    }
}
