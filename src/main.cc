// The sijill binary: everything lives in the library; main only hands over argv.
#include "cli/cli.h"

int main(int argc, char** argv) { return sijill::cli::Main(argc, argv); }
