//! Rendering a report's list on all threads, writing it in order.
//!
//! The machine-readable formats are one rendering per element (a JSON
//! object, a JSONL line, a CSV row), independent of the others, and a
//! large run has hundreds of thousands of them: 460 MB of JSON on
//! SaudiNewsNet, which took 1.3 s on one thread, the longest serial stretch
//! of a run. Elements are rendered in parallel tasks, a window at a time
//! (bounding the rendered bytes held), and each window is written while
//! the next one renders. The bytes are those of a serial loop.

use rayon::prelude::*;
use std::io::{self, Write};

/// Elements rendered per parallel task.
const TASK: usize = 512;

/// Elements rendered before their bytes are written: bounds the rendered
/// bytes held at once (a few MB; a whole list of matches is hundreds).
const WINDOW: usize = 64 * TASK;

/// Writes `render(i, &items[i], buf)` for every element, in order.
/// `render` appends element `i`'s bytes to `buf`.
pub(crate) fn write_rendered<W: Write + ?Sized, T: Sync>(
    out: &mut W,
    items: &[T],
    render: impl Fn(usize, &T, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    let render_window = |start: usize, window: &[T]| -> io::Result<Vec<Vec<u8>>> {
        window
            .par_chunks(TASK)
            .enumerate()
            .map(|(t, task)| {
                let mut buf = Vec::new();
                for (k, item) in task.iter().enumerate() {
                    render(start + t * TASK + k, item, &mut buf)?;
                }
                Ok(buf)
            })
            .collect()
    };
    let mut pending: Vec<Vec<u8>> = Vec::new();
    for (w, window) in items.chunks(WINDOW).enumerate() {
        // The output need not be `Send` (a `dyn Write`): it is written on
        // this thread while the pool renders.
        let mut rendered = Ok(Vec::new());
        rayon::in_place_scope(|scope| {
            scope.spawn(|_| rendered = render_window(w * WINDOW, window));
            pending.iter().try_for_each(|buf| out.write_all(buf))
        })?;
        pending = rendered?;
    }
    pending.iter().try_for_each(|buf| out.write_all(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_written_in_order_across_tasks_and_windows() {
        let items: Vec<usize> = (0..WINDOW * 2 + TASK + 7).collect();
        let mut out = Vec::new();
        write_rendered(&mut out, &items, |i, &x, buf| {
            assert_eq!(i, x);
            writeln!(buf, "{x}")
        })
        .unwrap();
        let expected: String = items.iter().map(|x| format!("{x}\n")).collect();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn a_render_error_is_returned() {
        let items = vec![1, 2, 3];
        let mut out = Vec::new();
        let err = write_rendered(&mut out, &items, |_, &x, _| {
            if x == 2 {
                Err(io::Error::other("bad element"))
            } else {
                Ok(())
            }
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "bad element");
    }
}
