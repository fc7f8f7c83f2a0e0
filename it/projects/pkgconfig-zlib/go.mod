module example.com/m1go/pkgconfigzlib

go 1.19
