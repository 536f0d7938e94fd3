# ASan + UBSan for the whole build (option SIJILL_SANITIZE). Assertions stay on in this build.
if(SIJILL_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  add_compile_definitions(SIJILL_ASSERTIONS=1)
endif()
