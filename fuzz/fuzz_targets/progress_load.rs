//! Any bytes as a progress file: loading never panics, and what loads can be
//! saved and loaded again unchanged (a damaged file is never "half" accepted).
#![no_main]

use libfuzzer_sys::fuzz_target;
use podtutor::progress::Progress;

fuzz_target!(|data: &[u8]| {
    if let Ok(progress) = Progress::from_bytes(data) {
        let again = Progress::from_toml(&progress.to_toml())
            .expect("a loaded progress record saves as a loadable file");
        assert_eq!(again, progress, "saving and loading changed the record");
    }
});
