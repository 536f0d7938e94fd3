// The sijill command-line front end: `sijill <command> <archive> [args]`.
// Exit codes: 0 success, 1 the command failed, 2 usage error (see exit_code rules in
// command.h). Data goes to stdout, messages and progress to stderr.
#pragma once

namespace sijill::cli {

// Runs the command named by argv[1]. Returns the process exit code.
int Main(int argc, char** argv);

}  // namespace sijill::cli
