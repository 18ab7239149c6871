@echo off
rem Midad launcher for Windows: midad-cli.jar with the serial collector (about half the peak memory) and a heap
rem of up to 75% of the memory (-Xmx in MIDAD_JAVA_OPTS overrides it).
rem Usage: bin\midad build|serve|check|new|import ...   (extra JVM flags: MIDAD_JAVA_OPTS)
setlocal
set "JAR=%MIDAD_JAR%"
if "%JAR%"=="" if exist "%~dp0midad-cli.jar" set "JAR=%~dp0midad-cli.jar"
if "%JAR%"=="" for %%f in ("%~dp0..\generator-core\target\midad-core-*-cli.jar") do set "JAR=%%~ff"
if "%JAR%"=="" (
  echo midad: no midad-cli.jar found; build it with: mvn -B -q package -DskipTests -pl generator-core 1>&2
  exit /b 2
)
java -XX:+UseSerialGC -XX:MaxRAMPercentage=75 %MIDAD_JAVA_OPTS% -jar "%JAR%" %*
