//! Lock before the laptop sleeps and when the desktop session locks (issue 11, point 1).
//!
//! On Linux a thread listens on D-Bus: logind's `PrepareForSleep(true)` (we hold a *delay* inhibitor,
//! so logind waits until the vault is locked, then we release it; it is taken again on wake), the
//! session's `Lock` signal, and `ActiveChanged(true)` of the screen saver (freedesktop and GNOME
//! names). On wake (`PrepareForSleep(false)`) the idle timer is checked at once; it runs on
//! `CLOCK_BOOTTIME`, so hours asleep count as idle. What other platforms need is in `SECURITY.md`.
//!
//! [`on_event`] is the whole decision, so tests drive it with injected events and no bus.

use crate::state::{AppState, LockReason};

/// What the system told us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEvent {
    /// logind: the machine is about to sleep (`true`) or has woken (`false`).
    PrepareForSleep(bool),
    /// logind: the session is being locked.
    SessionLock,
    /// Screen saver switched on (`true`) or off.
    ScreenSaverActive(bool),
}

/// Acts on one event; returns the lock reason to tell the UI when it locked the vault.
pub fn on_event(state: &AppState, ev: SessionEvent) -> Option<LockReason> {
    let locked = match ev {
        SessionEvent::PrepareForSleep(true) | SessionEvent::SessionLock | SessionEvent::ScreenSaverActive(true) => state.lock(),
        // Woken: the idle time includes the time asleep.
        SessionEvent::PrepareForSleep(false) => return state.lock_if_idle().then_some(LockReason::Idle),
        SessionEvent::ScreenSaverActive(false) => false,
    };
    locked.then_some(LockReason::Suspend)
}

/// Maps a D-Bus signal to an event (interface, member, its boolean argument if it has one).
pub fn event_from_signal(interface: &str, member: &str, flag: Option<bool>) -> Option<SessionEvent> {
    match (interface, member, flag) {
        ("org.freedesktop.login1.Manager", "PrepareForSleep", Some(b)) => Some(SessionEvent::PrepareForSleep(b)),
        ("org.freedesktop.login1.Session", "Lock", _) => Some(SessionEvent::SessionLock),
        ("org.freedesktop.ScreenSaver" | "org.gnome.ScreenSaver", "ActiveChanged", Some(b)) => Some(SessionEvent::ScreenSaverActive(b)),
        _ => None,
    }
}

/// Starts the listener thread; `notify` is called with the reason whenever it locked. Without a bus
/// (no logind, no session bus) it gives up quietly: the idle timer still works.
#[cfg(target_os = "linux")]
pub fn spawn(state: crate::state::Shared, notify: impl Fn(LockReason) + Send + Sync + 'static) {
    let notify = std::sync::Arc::new(notify);
    {
        let (state, notify) = (state.clone(), notify.clone());
        std::thread::Builder::new().name("sleep-lock".into()).spawn(move || {
            let _ = listen_system(&state, &*notify);
        }).ok();
    }
    std::thread::Builder::new().name("screen-lock".into()).spawn(move || {
        let _ = listen_session(&state, &*notify);
    }).ok();
}

#[cfg(not(target_os = "linux"))]
pub fn spawn(_state: crate::state::Shared, _notify: impl Fn(LockReason) + Send + Sync + 'static) {}

#[cfg(target_os = "linux")]
fn signal_rule(interface: &'static str, member: &'static str) -> zbus::Result<zbus::MatchRule<'static>> {
    Ok(zbus::MatchRule::builder().msg_type(zbus::message::Type::Signal).interface(interface)?.member(member)?.build())
}

#[cfg(target_os = "linux")]
fn dispatch(state: &AppState, notify: &dyn Fn(LockReason), msg: &zbus::Message) -> Option<SessionEvent> {
    let h = msg.header();
    let (iface, member) = (h.interface()?.to_string(), h.member()?.to_string());
    let flag = msg.body().deserialize::<bool>().ok();
    let ev = event_from_signal(&iface, &member, flag)?;
    if let Some(reason) = on_event(state, ev) {
        notify(reason);
    }
    Some(ev)
}

#[cfg(target_os = "linux")]
fn listen_system(state: &AppState, notify: &dyn Fn(LockReason)) -> zbus::Result<()> {
    use zbus::blocking::{Connection, MessageIterator};
    let conn = Connection::system()?;
    let inhibit = || -> Option<zbus::zvariant::OwnedFd> {
        conn.call_method(
            Some("org.freedesktop.login1"),
            "/org/freedesktop/login1",
            Some("org.freedesktop.login1.Manager"),
            "Inhibit",
            &("sleep", "Samen Kijken", "De kluis wordt vergrendeld", "delay"),
        )
        .ok()?
        .body()
        .deserialize::<zbus::zvariant::OwnedFd>()
        .ok()
    };
    let mut inhibitor = inhibit();
    let rules = [
        signal_rule("org.freedesktop.login1.Manager", "PrepareForSleep")?,
        signal_rule("org.freedesktop.login1.Session", "Lock")?,
    ];
    let (tx, rx) = std::sync::mpsc::channel();
    for rule in rules {
        let (conn, tx) = (conn.clone(), tx.clone());
        std::thread::spawn(move || {
            if let Ok(it) = MessageIterator::for_match_rule(rule, &conn, None) {
                for msg in it.flatten() {
                    if tx.send(msg).is_err() {
                        break;
                    }
                }
            }
        });
    }
    drop(tx);
    for msg in rx {
        match dispatch(state, notify, &msg) {
            // Locked: let the machine sleep now.
            Some(SessionEvent::PrepareForSleep(true)) => inhibitor = None,
            Some(SessionEvent::PrepareForSleep(false)) => inhibitor = inhibit(),
            _ => {}
        }
    }
    drop(inhibitor);
    Ok(())
}

#[cfg(target_os = "linux")]
fn listen_session(state: &AppState, notify: &dyn Fn(LockReason)) -> zbus::Result<()> {
    use zbus::blocking::{Connection, MessageIterator};
    let conn = Connection::session()?;
    let (tx, rx) = std::sync::mpsc::channel();
    for iface in ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"] {
        let rule = signal_rule(iface, "ActiveChanged")?;
        let (conn, tx) = (conn.clone(), tx.clone());
        std::thread::spawn(move || {
            if let Ok(it) = MessageIterator::for_match_rule(rule, &conn, None) {
                for msg in it.flatten() {
                    if tx.send(msg).is_err() {
                        break;
                    }
                }
            }
        });
    }
    drop(tx);
    for msg in rx {
        dispatch(state, notify, &msg);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Clock;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    #[derive(Clone, Default)]
    struct FakeClock(Arc<AtomicU64>);
    impl Clock for FakeClock {
        fn now(&self) -> Duration {
            Duration::from_secs(self.0.load(Ordering::SeqCst))
        }
    }

    fn unlocked(clock: &FakeClock) -> (crate::state::Shared, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let (v, _) = vault::Vault::create(dir.path(), &"wachtwoord lang genoeg".into(), vault::KdfParams::insecure_fast_for_tests()).unwrap();
        let state = AppState::with_clock(dir.path().to_path_buf(), Box::new(clock.clone()));
        state.install(v);
        (state, dir)
    }

    #[test]
    fn lock_on_sleep() {
        let clock = FakeClock::default();
        for ev in [SessionEvent::PrepareForSleep(true), SessionEvent::SessionLock, SessionEvent::ScreenSaverActive(true)] {
            let (state, _dir) = unlocked(&clock);
            assert_eq!(on_event(&state, ev), Some(LockReason::Suspend), "{ev:?}");
            assert!(!state.is_unlocked());
            // Already locked: nothing to tell the UI.
            assert_eq!(on_event(&state, ev), None);
        }
        // The screen saver switching off, or waking soon after activity, keeps the vault open.
        let (state, _dir) = unlocked(&clock);
        assert_eq!(on_event(&state, SessionEvent::ScreenSaverActive(false)), None);
        clock.0.fetch_add(60, Ordering::SeqCst);
        assert_eq!(on_event(&state, SessionEvent::PrepareForSleep(false)), None);
        assert!(state.is_unlocked());
    }

    #[test]
    fn wake_rechecks_the_idle_time_including_sleep() {
        // No PrepareForSleep(true) arrived (e.g. logind missing the delay): idle 4 min, asleep 2 h.
        let clock = FakeClock::default();
        let (state, _dir) = unlocked(&clock);
        clock.0.fetch_add(4 * 60, Ordering::SeqCst);
        assert!(!state.lock_if_idle());
        clock.0.fetch_add(2 * 3600, Ordering::SeqCst);
        assert_eq!(on_event(&state, SessionEvent::PrepareForSleep(false)), Some(LockReason::Idle));
        assert!(!state.is_unlocked());
    }

    #[test]
    fn signals_map_to_events() {
        let cases = [
            ("org.freedesktop.login1.Manager", "PrepareForSleep", Some(true), Some(SessionEvent::PrepareForSleep(true))),
            ("org.freedesktop.login1.Manager", "PrepareForSleep", Some(false), Some(SessionEvent::PrepareForSleep(false))),
            ("org.freedesktop.login1.Manager", "PrepareForSleep", None, None),
            ("org.freedesktop.login1.Session", "Lock", None, Some(SessionEvent::SessionLock)),
            ("org.freedesktop.login1.Session", "Unlock", None, None),
            ("org.freedesktop.ScreenSaver", "ActiveChanged", Some(true), Some(SessionEvent::ScreenSaverActive(true))),
            ("org.gnome.ScreenSaver", "ActiveChanged", Some(false), Some(SessionEvent::ScreenSaverActive(false))),
            ("org.example.Other", "Lock", None, None),
        ];
        for (iface, member, flag, want) in cases {
            assert_eq!(event_from_signal(iface, member, flag), want, "{iface}.{member}({flag:?})");
        }
    }
}
