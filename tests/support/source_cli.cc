#include "tests/support/source_cli.h"

#include <sys/wait.h>

#include <cstdlib>

#include "tests/support/temp_dir.h"

namespace reprint::testing {

int RunCliInSourceTree(const std::string& args, std::string* out) {
  TempDir dir;
  const std::string path = dir.Path("stdout");
  const std::string cmd = std::string("cd '") + REPRINT_SOURCE_DIR + "' && '" + REPRINT_CLI_PATH +
                          "' " + args + " > '" + path + "'";
  const int rc = std::system(cmd.c_str());
  *out = ReadBytes(path);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace reprint::testing
