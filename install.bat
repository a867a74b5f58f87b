@echo off
rem Installs Authcore as the `supertokens` command, like the original's install.bat.
rem Run as an Administrator so that the command can be added to your PATH:
rem   install.bat [--path=<installation dir>] [--exeLoc=<launcher path>]
rem Defaults: C:\Program Files\supertokens\ and C:\Windows\System32\supertokens.bat
rem Builds target\authcore.jar first when it is missing (needs a JDK 17).
setlocal EnableExtensions DisableDelayedExpansion
cd /d "%~dp0"

set "INSTALL_DIR=C:\Program Files\supertokens\"
set "EXE_LOC=C:\Windows\System32\supertokens.bat"

rem cmd splits --path=C:\x into two arguments; a quoted "--path=C:\x" stays one.
:parse
if "%~1"=="" goto parsed
if /i "%~1"=="--path" (
    set "INSTALL_DIR=%~2"
    shift
    shift
    goto parse
)
if /i "%~1"=="--exeLoc" (
    set "EXE_LOC=%~2"
    shift
    shift
    goto parse
)
set "ARG=%~1"
if /i "%ARG:~0,7%"=="--path=" set "INSTALL_DIR=%ARG:~7%"
if /i "%ARG:~0,9%"=="--exeLoc=" set "EXE_LOC=%ARG:~9%"
shift
goto parse
:parsed

if "%INSTALL_DIR%"=="" goto usage
if "%EXE_LOC%"=="" goto usage
if not "%INSTALL_DIR:~-1%"=="\" set "INSTALL_DIR=%INSTALL_DIR%\"

set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -version >nul 2>nul
if errorlevel 1 (
    echo Installation failed: Java 17 or newer is needed. Install it ^(or set JAVA_HOME^) and try again
    exit /b 1
)

set "JAR=target\authcore.jar"
if exist "%JAR%" goto havejar
if exist authcore.jar (
    set "JAR=authcore.jar"
    goto havejar
)
if not exist mvnw.cmd (
    echo Installation failed: no authcore.jar here and no mvnw.cmd to build it
    exit /b 1
)
echo Building %JAR% ...
call mvnw.cmd -q -DskipTests -Dcompat.skip=true package
if errorlevel 1 goto failed
if not exist "%JAR%" goto failed
:havejar

if not exist "%EXE_LOC%" goto fresh
fc /b "%JAR%" "%INSTALL_DIR%authcore.jar" >nul 2>nul
if errorlevel 1 (
    echo It seems that you want to override the current SuperTokens installation with a new one.
    echo You can do so by running the following two commands in the current directory:
    echo supertokens uninstall
    echo install
    exit /b 0
)
echo This version of SuperTokens is already installed! Run "supertokens --help" to see the list of all available commands
exit /b 0

:fresh
if not exist "%INSTALL_DIR%" mkdir "%INSTALL_DIR%" 2>nul || goto nopermission
copy /y "%JAR%" "%INSTALL_DIR%authcore.jar" >nul 2>nul || goto nopermission
if exist "%INSTALL_DIR%config.yaml" goto configdone
if exist config.yaml (
    copy /y config.yaml "%INSTALL_DIR%config.yaml" >nul 2>nul || goto nopermission
) else (
    >"%INSTALL_DIR%config.yaml" echo core_config_version: 0
)
:configdone
if exist LICENSE copy /y LICENSE "%INSTALL_DIR%LICENSE" >nul 2>nul
if exist LICENSE.md copy /y LICENSE.md "%INSTALL_DIR%LICENSE.md" >nul 2>nul
if not exist "%INSTALL_DIR%logs" mkdir "%INSTALL_DIR%logs" 2>nul || goto nopermission
if not exist "%INSTALL_DIR%.started" mkdir "%INSTALL_DIR%.started" 2>nul || goto nopermission

rem The launcher: %% becomes %, ^ keeps > and & for the launcher; the directory is fixed now.
> "%EXE_LOC%" echo @echo off 2>nul || goto nopermission
>>"%EXE_LOC%" echo rem The supertokens command of the Authcore installed in %INSTALL_DIR% (written by its install.bat)
>>"%EXE_LOC%" echo setlocal
>>"%EXE_LOC%" echo set "st_install_loc=%INSTALL_DIR%"
>>"%EXE_LOC%" echo set "ST_JAVA=java"
>>"%EXE_LOC%" echo if defined JAVA_HOME if exist "%%JAVA_HOME%%\bin\java.exe" set "ST_JAVA=%%JAVA_HOME%%\bin\java.exe"
>>"%EXE_LOC%" echo rem A small, steady footprint; JAVA_OPTS comes last, so it overrides any of these.
>>"%EXE_LOC%" echo "%%ST_JAVA%%" -XX:+UseSerialGC -Xms24m -Xmn16m -XX:MinHeapFreeRatio=25 -XX:MaxHeapFreeRatio=50 -Xmx256m %%JAVA_OPTS%% -jar "%%st_install_loc%%authcore.jar" %%*
>>"%EXE_LOC%" echo if errorlevel 1 exit /b %%errorlevel%%
>>"%EXE_LOC%" echo if /i not "%%~1"=="uninstall" exit /b 0
>>"%EXE_LOC%" echo rem A running jar cannot delete itself on Windows, so the launcher removes the installation.
>>"%EXE_LOC%" echo rmdir /S /Q "%%st_install_loc%%"
>>"%EXE_LOC%" echo echo Uninstallation successful. Sorry to see you go :(
>>"%EXE_LOC%" echo (goto) 2^>nul ^& del "%%~f0"
>"%INSTALL_DIR%.supertokens-install" echo %EXE_LOC%

echo Successfully installed SuperTokens! You can now delete this directory safely
echo Run "supertokens --help" to see list of available commands
exit /b 0

:usage
echo Usage: install.bat [--path=^<installation dir^>] [--exeLoc=^<launcher path^>]
exit /b 1

:nopermission
echo Installation failed. Try again with root permissions.
exit /b 1

:failed
echo Installation failed. Please try again
exit /b 1
