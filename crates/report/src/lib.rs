//! The isnad report: which statements repeat between outlets, and its renderings.
