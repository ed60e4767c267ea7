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
