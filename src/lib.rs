//! Bulletin: the engine behind the desktop app and the command line.
//!
//! Content (`model`), storage (`store`), input (`import`, `json`), typesetting (`layout`) and each
//! output format (`pdf`, `docx`, `svg`) are kept apart: layout positions pages once, and every
//! backend only draws them.

pub mod archive;
pub mod atomic_file;
pub mod coverage;
pub mod demo;
pub mod desktop;
pub mod diff;
pub mod docx;
pub mod fonts;
pub mod formats;
pub mod images;
pub mod import;
pub mod json;
pub mod layout;
pub mod linebreak;
pub mod lint;
pub mod model;
pub mod page;
pub mod pdf;
pub mod preflight;
pub mod preview;
pub mod proof;
pub mod review;
pub mod stats;
pub mod store;
pub mod svg;
pub mod units;
pub mod volume;
pub mod words;
