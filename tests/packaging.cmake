# The packaging checks (label packaging): the desktop entry and the AppStream
# metainfo validated, the manual pages linted and kept in step with
# certdesk-cli's help, the installed layout, and the Debian package built,
# linted and run (tests/package_check.sh). include()d by tests/CMakeLists.txt.
#
# Every tool comes from packaging/install-deps.sh. The tests are registered
# whether or not a tool is found here: a missing tool fails its test with a
# message saying so, it never silently drops the test.
function(certdesk_packaging_tool var program package)
  find_program(${var} ${program})
  if(${var})
    set(${var} ${${var}} PARENT_SCOPE)
  else()
    set(${var} bash -c "echo '${program} is not installed: packaging/install-deps.sh installs ${package}' >&2 && exit 1" PARENT_SCOPE)
  endif()
endfunction()
certdesk_packaging_tool(DESKTOP_FILE_VALIDATE desktop-file-validate desktop-file-utils)
certdesk_packaging_tool(APPSTREAMCLI appstreamcli appstream)

add_test(NAME packaging_validate_desktop
         COMMAND ${DESKTOP_FILE_VALIDATE}
                 ${PROJECT_SOURCE_DIR}/packaging/org.certdesk.CertDesk.desktop)
# Hints are informational; only errors and warnings fail the test.
set_tests_properties(packaging_validate_desktop PROPERTIES
  FAIL_REGULAR_EXPRESSION "error:;warning:" LABELS packaging)

add_test(NAME packaging_validate_metainfo
         COMMAND ${APPSTREAMCLI} validate --no-net
                 ${PROJECT_SOURCE_DIR}/packaging/org.certdesk.CertDesk.metainfo.xml)
set_tests_properties(packaging_validate_metainfo PROPERTIES LABELS packaging)

# The manual pages (packaging/man, configured into the build dir with their
# version): groff -ww says nothing and man -l renders them; certdesk-cli.1
# has every command and option certdesk-cli's help lists.
set(man_pages)
foreach(page IN LISTS CERTDESK_MAN_PAGES)
  list(APPEND man_pages ${CERTDESK_MAN_DIR}/${page}.1)
endforeach()
add_test(NAME packaging_man_lint
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/man_lint.sh ${man_pages})
set_tests_properties(packaging_man_lint PROPERTIES LABELS packaging)
add_test(NAME packaging_man_cli_commands
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/man_cli_commands.sh
                 $<TARGET_FILE:certdesk-cli> ${CERTDESK_MAN_DIR}/certdesk-cli.1)
set_tests_properties(packaging_man_cli_commands PROPERTIES LABELS packaging
                     ENVIRONMENT "${CERTDESK_TEST_ENV}")

# The installed layout works on its own: the three programs, and the CLI
# reading PDFs through the installed reader (tests/install_check.sh).
# cmake --install and cpack both write the build dir's install manifest:
# one at a time.
add_test(NAME packaging_install_check
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/install_check.sh ${CMAKE_BINARY_DIR}
                 ${CMAKE_CURRENT_SOURCE_DIR}/data)
set_tests_properties(packaging_install_check PROPERTIES LABELS packaging TIMEOUT 300
                     ENVIRONMENT "${CERTDESK_TEST_ENV}" RESOURCE_LOCK certdesk_install)

# The .deb: cpack -G DEB into a temporary directory, lintian without errors,
# its contents, and both programs run from the unpacked package. Not under the
# sanitizers: a package of ASan binaries is not what ships (the install check
# above still runs there).
if(NOT CERTDESK_SANITIZE)
  add_test(NAME packaging_deb
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/package_check.sh ${CMAKE_BINARY_DIR}
                   ${CMAKE_CURRENT_SOURCE_DIR}/data ${CMAKE_CPACK_COMMAND})
  set_tests_properties(packaging_deb PROPERTIES LABELS packaging TIMEOUT 300
                       ENVIRONMENT "${CERTDESK_TEST_ENV}" RESOURCE_LOCK certdesk_install)
endif()
