module berth.dev/template-oracle

go 1.19
