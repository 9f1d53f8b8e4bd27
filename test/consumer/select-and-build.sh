# Sourced by pack.sh and check-packages.sh: reads an optional --no-build and package names from
# "$@", sets $packages (name<TAB>dir per line) and builds them unless told not to.
build=true
if [ "${1:-}" = "--no-build" ]; then build=false; shift; fi
packages=$(bash test/consumer/public-packages.sh "$@")
if $build; then
  filters=$(cut -f1 <<<"$packages" | sed 's/^/--filter=/' | tr '\n' ' ')
  # shellcheck disable=SC2086 # one --filter per package
  pnpm turbo run build $filters --output-logs=errors-only
fi
