# Validates the desktop entry and the AppStream metainfo when the tools are
# installed (desktop-file-utils, appstream). include()d by tests/CMakeLists.txt.
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
find_program(APPSTREAMCLI appstreamcli)

if(DESKTOP_FILE_VALIDATE)
  add_test(NAME packaging_validate_desktop
           COMMAND ${DESKTOP_FILE_VALIDATE}
                   ${PROJECT_SOURCE_DIR}/packaging/org.certdesk.CertDesk.desktop)
  # Hints are informational; only errors and warnings fail the test.
  set_tests_properties(packaging_validate_desktop PROPERTIES
    FAIL_REGULAR_EXPRESSION "error:;warning:" LABELS packaging)
endif()

if(APPSTREAMCLI)
  add_test(NAME packaging_validate_metainfo
           COMMAND ${APPSTREAMCLI} validate --no-net
                   ${PROJECT_SOURCE_DIR}/packaging/org.certdesk.CertDesk.metainfo.xml)
  set_tests_properties(packaging_validate_metainfo PROPERTIES LABELS packaging)
endif()

# The installed layout works on its own: the three programs, and the CLI
# reading PDFs through the installed reader (tests/install_check.sh).
add_test(NAME packaging_install_check
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/install_check.sh ${CMAKE_BINARY_DIR}
                 ${CMAKE_CURRENT_SOURCE_DIR}/data)
set_tests_properties(packaging_install_check PROPERTIES LABELS packaging TIMEOUT 300
                     ENVIRONMENT "${CERTDESK_TEST_ENV}")
