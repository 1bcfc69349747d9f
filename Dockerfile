# syntax=docker/dockerfile:1
FROM node:20-bookworm-slim AS ide
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Friender.sln ./
COPY src/ src/
RUN dotnet publish src/GraphQL/GraphQL.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
COPY --from=ide /src/node_modules/@chillicream/bananacakepop-graphql-ide ./bananacakepop
ENV BananaCakePop__Directory=/app/bananacakepop
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "Friender.GraphQL.dll"]
