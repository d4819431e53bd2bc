// sdiag new-plugin NAME --kind KIND [--lang cpp|python] [-o DIR]: scaffolds an
// out-of-tree plugin from the installation's templates/plugin/{common,KIND}/
// (C++, ready to build against the installed SDK) or
// templates/plugin-python/{common,KIND}/ (a script plugin folder, ready to
// run), with the name filled in.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <regex>
#include <stdexcept>

#include <sdiag/input_file.hpp>
#include <sdiag/version.hpp>

#include "commands.hpp"
#include "paths.hpp"

namespace sdiag::core {

namespace {

namespace fs = std::filesystem;

// Lower-case letters, digits and single hyphens, starting with a letter: the
// name is a file name (NAME.so), a CMake target and part of option keys.
bool valid_name(const std::string& name) {
  static const std::regex pattern("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  return name.size() <= 64 && std::regex_match(name, pattern);
}

// my-check -> MyCheck: the plugin's C++ class name.
std::string class_name(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

// "0.1.0" -> "0.1": what a generated project asks find_package for.
std::string sdiag_version() {
  std::string v = sdiag::version;
  return v.substr(0, v.find('.', v.find('.') + 1));
}

struct Fields {
  std::string name, kind;
};

std::string substitute(std::string text, const Fields& f) {
  std::string module = f.name;  // my-check -> my_check: the Python module's name
  std::replace(module.begin(), module.end(), '-', '_');
  const std::pair<std::string, std::string> fields[] = {
      {"{{name}}", f.name},
      {"{{class_name}}", class_name(f.name)},
      {"{{sdiag_version}}", sdiag_version()},
      {"{{module}}", module},
      {"{{kind}}", f.kind},
      {"{{example_input}}", f.kind == "input" ? "notes.lines" : "diagnostic.json"}};
  for (const auto& [key, value] : fields)
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  return text;
}

std::string read_template_file(const fs::path& p) {
  try {
    return read_input_file(p).bytes;
  } catch (const InputError& e) {
    throw std::runtime_error(p.string() + ": cannot read the template: " + e.what());
  }
}

// Copies every file under `from` into `to`, substituting the name in paths and contents.
void copy_template(const fs::path& from, const fs::path& to, const Fields& fields, std::vector<fs::path>& written) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(from))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto target = to / substitute(fs::relative(file, from).generic_string(), fields);
    fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary);
    out << substitute(read_template_file(file), fields);
    if (!out.flush()) throw std::runtime_error(target.string() + ": cannot write");
    written.push_back(target);
  }
}

}  // namespace

int cmd_new_plugin(const std::string& name, const std::string& kind, const std::string& lang, fs::path dir) {
  if (!valid_name(name)) {
    std::cerr << "sdiag: '" << name << "' is not a plugin name: use lower-case letters, digits and hyphens, "
              << "starting with a letter (e.g. castlebrook-style)\n";
    return 2;
  }
  const bool python = lang == "python";
  const auto templates = data_dir() / (python ? "plugin-python" : "plugin");
  const fs::path sources[] = {templates / "common", templates / kind};
  for (const auto& s : sources)
    if (!fs::is_directory(s)) {
      std::cerr << "sdiag: " << s.string() << ": no plugin template there (is sdiag installed completely?)\n";
      return 1;
    }
  if (dir.empty()) dir = name;
  auto leaf = dir.lexically_normal();
  if (!leaf.has_filename()) leaf = leaf.parent_path();  // "my-check/"
  if (python && leaf.filename() != name) {
    std::cerr << "sdiag: " << dir.string() << ": a script plugin's folder is named after the plugin; use -o PARENT/" << name
              << "\n";
    return 2;
  }
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) {
    std::cerr << "sdiag: " << dir.string() << ": already exists and is not empty; choose another folder with -o\n";
    return 1;
  }
  const bool created = fs::create_directories(dir, ec);
  std::vector<fs::path> written;
  try {
    if (ec) throw std::runtime_error(dir.string() + ": cannot create the folder: " + ec.message());
    for (const auto& s : sources) copy_template(s, dir, Fields{name, kind}, written);
  } catch (const std::exception& e) {
    for (const auto& f : written) fs::remove(f, ec);
    if (created) fs::remove_all(dir, ec);
    std::cerr << "sdiag: " << e.what() << "\n";
    return 1;
  }

  std::cout << "Created the " << kind << " plugin '" << name << "' in " << dir.string() << ":\n";
  for (const auto& f : written) std::cout << "  " << fs::relative(f, dir).generic_string() << "\n";
  if (python) {
    std::cout << "\nTest it and see it loaded:\n"
              << "  cd " << dir.string() << " && PYTHONPATH=" << python_helper_dir().string()
              << " python3 -m unittest discover -s tests\n"
              << "  sdiag --plugins " << dir.string() << " plugins " << name << "\n";
    return 0;
  }
  const auto prefix = executable_dir().parent_path();  // <prefix>/bin/sdiag
  const auto build = dir / "build";
  std::cout << "\nBuild it, test it and see it loaded:\n"
            << "  cmake -S " << dir.string() << " -B " << build.string() << " -DCMAKE_PREFIX_PATH=" << prefix.string()
            << "\n"
            << "  cmake --build " << build.string() << " && ctest --test-dir " << build.string() << "\n"
            << "  sdiag --plugins " << build.string() << " plugins " << name << "\n";
  return 0;
}

}  // namespace sdiag::core
