//! The one public error type of zeitstrahl: a kind, a lowercase message and the context it arose in.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, coarsely: decides the exit code of the binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input is bad: not UTF-8, empty, no document date, broken YAML, an impossible date.
    Input,
    /// The command line is bad: a malformed `--dct`, an unknown option value.
    Usage,
    /// Reading or writing a file failed for a reason outside the input (permissions, full disk).
    Io,
}

impl ErrorKind {
    /// The process exit code for this kind: 1 input error, 2 usage error, 3 I/O error.
    pub fn exit_code(self) -> i32 {
        match self {
            ErrorKind::Input => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Io => 3,
        }
    }
}

/// An error with a kind, a message and an optional file position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    /// 1-based line and column in `path`, where known.
    position: Option<(usize, usize)>,
}

impl Error {
    /// A new error of `kind` with a lowercase `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            path: None,
            position: None,
        }
    }

    /// An input error.
    pub fn input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input, message)
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Usage, message)
    }

    /// An I/O error on `path`.
    pub fn io(path: &Path, err: &std::io::Error) -> Error {
        Error::new(ErrorKind::Io, err.to_string()).with_path(path)
    }

    /// Names the file the error is about (kept if one is already named).
    pub fn with_path(mut self, path: &Path) -> Error {
        if self.path.is_none() {
            self.path = Some(path.to_path_buf());
        }
        self
    }

    /// Names the 1-based line and column the error is at.
    pub fn at(mut self, line: usize, column: usize) -> Error {
        self.position = Some((line, column));
        self
    }

    /// The kind of the error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message without path or position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line and column, if known.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.position
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.position) {
            (Some(p), Some((l, c))) => write!(f, "{}:{}:{}: {}", p.display(), l, c, self.message),
            (Some(p), None) => write!(f, "{}: {}", p.display(), self.message),
            (None, Some((l, c))) => write!(f, "{}:{}: {}", l, c, self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// The result type of zeitstrahl.
pub type Result<T> = std::result::Result<T, Error>;
