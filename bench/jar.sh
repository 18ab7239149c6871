# Sourced by run.sh and cold.sh: sets JAR to the fat jar to measure, a copy in the work folder WORK, so that a
# rebuild of the engine during the run cannot change what is measured; MIDAD_JAR=path uses that jar, else it
# is built from generator-core (in ROOT).
midad_jar() {  # WORK ROOT
  mkdir -p "$1"
  JAR="$1/midad.jar"
  if [ -n "${MIDAD_JAR:-}" ]; then
    [ "$MIDAD_JAR" -ef "$JAR" ] || cp "$MIDAD_JAR" "$JAR"
  else
    echo "building the Midad fat jar (mvn -B -q package -DskipTests -pl generator-core)" >&2
    (cd "$2" && mvn -B -q package -DskipTests -pl generator-core) >&2
    cp "$2"/generator-core/target/midad-core-*-cli.jar "$JAR"
  fi
}
