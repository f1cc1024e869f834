include(CMakePackageConfigHelpers)
install(TARGETS reportex EXPORT reportexTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/reportex DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY rules/zh-court DESTINATION ${CMAKE_INSTALL_DATADIR}/reportex/rules)
install(EXPORT reportexTargets NAMESPACE reportex:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/reportex)
configure_package_config_file(cmake/reportexConfig.cmake.in
  ${PROJECT_BINARY_DIR}/reportexConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/reportex)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/reportexConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/reportexConfig.cmake ${PROJECT_BINARY_DIR}/reportexConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/reportex)
