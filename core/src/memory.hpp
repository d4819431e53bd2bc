// Giving back to the system the memory a finished stage freed. Allocators keep
// freed memory for reuse, and a large board's stages free hundreds of
// megabytes in many small blocks (the board's items once its notes are made,
// an analysis's working copies): without this, the process keeps the peak of
// every earlier stage on top of the next one's.
#pragma once

namespace sdiag::core {

/// Returns the free pages of every heap to the system: jemalloc's purge when
/// the program allocates with it, else glibc's malloc_trim; nothing where
/// neither is there.
void release_freed_memory();

}  // namespace sdiag::core
