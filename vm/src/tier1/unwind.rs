//! Finding the exception handler for a raising instruction in the exception table.

use crate::compiler::code::ExceptionTableEntry;
use crate::objects::code::CodeData;

/// The innermost handler covering code unit `ip`.
pub fn find_handler(code: &CodeData, ip: usize) -> Option<&ExceptionTableEntry> {
    let ip = ip as u32;
    code.exception_table.iter().filter(|e| e.start <= ip && ip < e.end).min_by_key(|e| e.end - e.start)
}
