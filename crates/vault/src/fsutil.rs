//! Writing files so that a crash, a full disk or a pulled USB stick never leaves half a file under the
//! final name, and nothing the app did not create is ever deleted (issue 11, point 9).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Result, VaultError};
use crate::keyfile::{fill_random, sync_dir};

/// Writes `bytes` to `path` atomically: a temp file in the same folder (created new, mode 0600), fsync,
/// rename over `path`, fsync of the folder. Readers see the old file or the whole new one.
///
/// `path` may be an existing *regular* file (the user chose to replace it); a symlink, folder or
/// device at `path` is refused with `io` and left alone (a rename would delete the symlink). On any
/// failure only the temp file this call created is removed. Used for backups; meant for PDF export too.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => return Err(VaultError::Io(std::io::ErrorKind::InvalidInput)),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
    }
    let tmp = TempFile::create_beside(path)?;
    let result = (|| -> Result<()> {
        let mut f = fs::OpenOptions::new().write(true).open(tmp.path())?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        tmp.persist(path, true)
    })();
    result
}

/// A temp file `.<name>.<random>.tmp` next to its final place, created by this process. Removed on
/// drop unless it was persisted.
pub(crate) struct TempFile {
    path: PathBuf,
    done: std::cell::Cell<bool>,
}

impl TempFile {
    pub(crate) fn create_beside(target: &Path) -> Result<TempFile> {
        let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = target.file_name().ok_or(VaultError::Io(std::io::ErrorKind::InvalidInput))?;
        let mut suffix = [0u8; 8];
        fill_random(&mut suffix)?;
        let path = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), hex::encode(suffix)));
        let mut opts = fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        opts.open(&path)?;
        Ok(TempFile { path, done: std::cell::Cell::new(false) })
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// fsyncs the temp file, moves it to `target` and fsyncs the folder. With `replace = false` an
    /// existing `target` is never replaced (`vault_exists`): `renameat2(RENAME_NOREPLACE)` where the
    /// file system has it, else a check right before the rename (USB sticks with FAT have neither hard
    /// links nor the flag).
    pub(crate) fn persist(&self, target: &Path, replace: bool) -> Result<()> {
        fs::File::open(&self.path)?.sync_all()?;
        if replace {
            fs::rename(&self.path, target)?;
        } else {
            rename_noreplace(&self.path, target)?;
        }
        self.done.set(true);
        sync_dir(target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.done.get() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

pub(crate) fn rename_noreplace(from: &Path, to: &Path) -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(|_| VaultError::Io(std::io::ErrorKind::InvalidInput));
        let (f, t) = (c(from)?, c(to)?);
        // SAFETY: both are valid NUL-terminated paths.
        let rc = unsafe { libc::renameat2(libc::AT_FDCWD, f.as_ptr(), libc::AT_FDCWD, t.as_ptr(), libc::RENAME_NOREPLACE) };
        if rc == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EEXIST) => return Err(VaultError::Exists),
            Some(libc::EINVAL) | Some(libc::ENOSYS) => {}
            _ => return Err(e.into()),
        }
    }
    if fs::symlink_metadata(to).is_ok() {
        return Err(VaultError::Exists);
    }
    fs::rename(from, to)?;
    Ok(())
}
