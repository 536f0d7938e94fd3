// The sijill binary: everything lives in the library; main only hands over argv.
#include <sys/resource.h>

#include "cli/cli.h"

int main(int argc, char** argv) {
  // The process holds decrypted testimony and archive keys: a crash must not write them
  // to a core file. (Keys also live in sodium_malloc'd memory, excluded from dumps.)
  rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  return sijill::cli::Main(argc, argv);
}
