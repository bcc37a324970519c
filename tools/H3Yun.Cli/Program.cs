using H3Yun.Cli;

return await CliApp.RunAsync(args, CliConsole.System).ConfigureAwait(false);
