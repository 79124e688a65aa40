@echo off
rem safecase, from the distribution: needs only Java 17 or later (JAVA_HOME, or java on the PATH).
rem Extra JVM options: SAFECASE_JAVA_OPTS.
setlocal
set "SAFECASE_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java")
"%JAVA_EXE%" %SAFECASE_JAVA_OPTS% -jar "%SAFECASE_HOME%\lib\safecase.jar" %*
exit /b %ERRORLEVEL%
